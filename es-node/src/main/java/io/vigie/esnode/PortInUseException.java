package io.vigie.esnode;

/** The HTTP port asked for is taken, usually by another Elasticsearch. */
public final class PortInUseException extends IllegalStateException {

    private final int port;

    public PortInUseException(int port, Throwable cause) {
        super("port " + port + " is already in use", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
