package io.vigie.stack;

/** A failure the person running the stack can act on; its message is printed as is. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
