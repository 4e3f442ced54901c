package io.racklet.drivers.thermal;

import com.pi4j.io.i2c.I2C;

/** TI TMP102 (SBOS397): 12-bit two's complement temperature in bits 15..4, 0.0625 C per LSB. */
public final class Tmp102 implements Thermometer {
    private final I2C i2c;

    public Tmp102(I2C i2c) {
        this.i2c = i2c;
    }

    /**
     * The TMP102 has no ID register; its resolution bits R1:R0 (configuration bits 14:13) are
     * read-only ones, which a TMP117 or an empty bus does not show. Reads only.
     */
    public String identify() {
        byte[] b = new byte[2];
        i2c.readRegister(0x01, b, 0, 2);
        int config = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        if ((config & 0x6000) != 0x6000 || config == 0xFFFF) {
            throw new IllegalStateException(String.format("configuration reads 0x%04x, a TMP102 reads 0x6xxx (R1:R0 = 11): wrong part or address", config));
        }
        return String.format("configuration 0x%04x", config);
    }

    @Override
    public double celsius() {
        byte[] b = new byte[2];
        i2c.readRegister(0x00, b, 0, 2);
        int raw = (short) (((b[0] & 0xFF) << 8) | (b[1] & 0xFF)) >> 4;
        return Thermometer.plausible(raw * 0.0625, "TMP102");
    }
}
