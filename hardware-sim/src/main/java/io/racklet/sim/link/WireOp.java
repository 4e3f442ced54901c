package io.racklet.sim.link;

/**
 * Operations of the board link, a small binary request/response protocol on a Unix socket.
 * A connection starts with the board's name (UTF); then each request is an op byte and its
 * arguments, and each answer a status byte (0 ok, 1 error followed by a UTF message) and results.
 */
final class WireOp {
    static final int READ_LINE = 1;
    static final int WRITE_LINE = 2;
    static final int I2C = 3;
    static final int PWM = 4;
    static final int EDGES = 5;
    static final int OK = 0;
    static final int ERROR = 1;
    /** Bounds what a peer may ask for, so a confused client cannot make the server allocate wildly. */
    static final int MAX_TRANSFER = 4096;

    private WireOp() {}
}
