package io.racklet.sim.board;

/** A simulated bus error (e.g. an I2C NACK), surfaced to agents as Pi4J's IOException. */
public class SimIoException extends RuntimeException {
    public SimIoException(String message) {
        super(message);
    }
}
