package io.racklet.protocol.message;

/** A payload that is not a valid message of the expected kind; receivers log, count and drop it. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
