package io.racklet.bmc.energy;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2C;

/** 16-bit big-endian register access, as TI's power monitors use it. */
final class I2cRegisters {
    private final I2C i2c;
    private final String part;

    I2cRegisters(I2C i2c, String part) {
        this.i2c = i2c;
        this.part = part;
    }

    int read(int register) {
        byte[] b = new byte[2];
        int n = i2c.readRegister(register, b, 0, 2);
        if (n != 2) {
            throw new IOException(String.format("%s register 0x%02x: short read of %d bytes", part, register, n));
        }
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    void write(int register, int value) {
        i2c.writeRegister(register, new byte[] {(byte) (value >> 8), (byte) value}, 0, 2);
    }
}
