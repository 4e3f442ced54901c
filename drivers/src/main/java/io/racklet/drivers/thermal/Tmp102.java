package io.racklet.drivers.thermal;

import com.pi4j.io.i2c.I2C;

/** TI TMP102 (SBOS397): 12-bit two's complement temperature in bits 15..4, 0.0625 C per LSB. */
public final class Tmp102 implements Thermometer {
    private final I2C i2c;

    public Tmp102(I2C i2c) {
        this.i2c = i2c;
    }

    @Override
    public double celsius() {
        byte[] b = new byte[2];
        i2c.readRegister(0x00, b, 0, 2);
        int raw = (short) (((b[0] & 0xFF) << 8) | (b[1] & 0xFF)) >> 4;
        return Thermometer.plausible(raw * 0.0625, "TMP102");
    }
}
