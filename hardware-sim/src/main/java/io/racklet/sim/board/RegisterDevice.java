package io.racklet.sim.board;

/**
 * An I2C part with 16-bit big-endian registers behind a pointer, as TI's monitors and sensors
 * are: a write of one byte sets the pointer, a write of three also stores a register, a read
 * returns the pointed register. Faults (NACKs, stuck registers) apply to every transaction.
 */
public abstract class RegisterDevice implements I2cDevice {
    private final String part;
    private final RegisterFaults faults = new RegisterFaults();
    private int pointer;

    protected RegisterDevice(String part) {
        this.part = part;
    }

    public RegisterFaults faults() {
        return faults;
    }

    @Override
    public final synchronized byte[] transfer(byte[] write, int readLength) {
        faults.beforeTransfer(part);
        beforeTransaction();
        if (write.length >= 1) {
            pointer = write[0] & 0xFF;
        }
        if (write.length >= 3) {
            writeRegister(pointer, ((write[1] & 0xFF) << 8) | (write[2] & 0xFF));
        }
        byte[] out = new byte[readLength];
        for (int i = 0; i + 1 < readLength; i += 2) {
            int value = faults.override(pointer, readRegister(pointer));
            out[i] = (byte) (value >> 8);
            out[i + 1] = (byte) value;
        }
        return out;
    }

    /** Called before each transaction, e.g. to take a new conversion when one is due. */
    protected void beforeTransaction() {}

    protected abstract int readRegister(int register);

    /** Writes to read-only registers are ignored, like the parts do. */
    protected void writeRegister(int register, int value) {}
}
