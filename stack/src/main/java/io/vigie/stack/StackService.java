package io.vigie.stack;

/** One process of the stack: a real service or one of our applications. */
interface StackService {

    String name();

    /**
     * Starts the service and waits until it is ready. When {@code adoptRunning} is true and the
     * service already answers on its port (a stack left running by an earlier test run), it is used
     * as is and left running at the end.
     */
    void start(boolean adoptRunning);

    void stop();

    /** Resident memory in KiB of the processes this service started, or 0 when it adopted one. */
    long residentKib();
}
