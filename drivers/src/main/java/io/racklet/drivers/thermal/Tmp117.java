package io.racklet.drivers.thermal;

import com.pi4j.io.i2c.I2C;

/** TI TMP117 (SNOSD82): signed 16-bit temperature, 7.8125 mC per LSB; device ID 0x0117 at 0x0F. */
public final class Tmp117 implements Thermometer {
    static final int DEVICE_ID = 0x0117;
    private final I2C i2c;
    private boolean checked;

    public Tmp117(I2C i2c) {
        this.i2c = i2c;
    }

    @Override
    public double celsius() {
        if (!checked) {
            identify();
            checked = true;
        }
        return Thermometer.plausible((short) word(0x00) * 0.0078125, "TMP117");
    }

    /** Checks the device ID register (0x0F, low 12 bits 0x117). */
    public String identify() {
        int id = word(0x0F) & 0x0FFF;
        if (id != DEVICE_ID) {
            throw new IllegalStateException(String.format("TMP117 device ID reads 0x%04x, expected 0x0117: wrong part or address", id));
        }
        return String.format("device ID 0x%04x", id);
    }

    private int word(int register) {
        byte[] b = new byte[2];
        i2c.readRegister(register, b, 0, 2);
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }
}
