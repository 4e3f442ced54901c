package io.racklet.bmc.energy;

/** The chip answered, but with a value outside its physical range: never published as real. */
public class ImplausibleReadingException extends RuntimeException {
    public ImplausibleReadingException(String message) {
        super(message);
    }
}
