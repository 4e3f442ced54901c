package io.racklet.sim.board;

/** A device model on a simulated I2C bus, addressed through a register pointer like real parts. */
public interface I2cDevice {

    /** Handles one transaction: the first written byte sets the pointer, the rest is data. */
    byte[] transfer(byte[] write, int readLength);
}
