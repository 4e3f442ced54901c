package io.racklet.bmc.energy;

import com.pi4j.io.i2c.I2C;

/**
 * Register-level driver for TI's INA260 (datasheet SBOS656C): a current/power monitor with its
 * 2 mOhm shunt inside, so no calibration. Current 1.25 mA/LSB (signed), bus voltage 1.25 mV/LSB,
 * power 10 mW/LSB. Registers are 16-bit big-endian.
 */
public final class Ina260 implements PowerMonitor {
    static final int CONFIG = 0x00, CURRENT = 0x01, BUS = 0x02, POWER = 0x03, MASK_ENABLE = 0x06, MANUFACTURER_ID = 0xFE, DIE_ID = 0xFF;
    static final int RESET = 0x8000;
    /** Reset default: 1 average, 1.1 ms conversions, continuous current and voltage. */
    static final int CONFIG_CONTINUOUS = 0x6127;
    /** "TI" in ASCII, as the part answers at 0xFE. */
    static final int TEXAS_INSTRUMENTS = 0x5449;
    /** Bit 2 of Mask/Enable: the power calculation overflowed. */
    static final int OVF = 0x0004;
    static final double MAX_BUS_VOLTS = 36.0, MAX_AMPS = 15.0;

    private final I2cRegisters registers;

    public Ina260(I2C i2c) {
        this.registers = new I2cRegisters(i2c, "INA260");
    }

    /** Manufacturer ID "TI" (0x5449) at 0xFE and die ID 0x227x at 0xFF. */
    public String identify() {
        int id = registers.read(MANUFACTURER_ID);
        int die = registers.read(DIE_ID);
        if (id != TEXAS_INSTRUMENTS || (die >> 4) != 0x227) {
            throw new IllegalStateException(String.format("manufacturer ID 0x%04x, die ID 0x%04x; an INA260 reads 0x5449, 0x227x: wrong part or address", id, die));
        }
        return String.format("manufacturer ID 0x%04x, die ID 0x%04x", id, die);
    }

    @Override
    public void configure() {
        int id = registers.read(MANUFACTURER_ID);
        if (id != TEXAS_INSTRUMENTS) {
            throw new ImplausibleReadingException(String.format("INA260 manufacturer ID reads 0x%04x, expected 0x%04x: wrong part or address", id, TEXAS_INSTRUMENTS));
        }
        registers.write(CONFIG, RESET);
        registers.write(CONFIG, CONFIG_CONTINUOUS);
    }

    @Override
    public Reading read() {
        if ((registers.read(MASK_ENABLE) & OVF) != 0) {
            throw new ImplausibleReadingException("INA260 math overflow flag set");
        }
        double volts = registers.read(BUS) * 0.00125;
        double amps = (short) registers.read(CURRENT) * 0.00125;
        double watts = registers.read(POWER) * 0.010;
        if (volts > MAX_BUS_VOLTS) {
            throw new ImplausibleReadingException(String.format("INA260 bus voltage %.3f V exceeds the part's 36 V", volts));
        }
        if (Math.abs(amps) > MAX_AMPS) {
            throw new ImplausibleReadingException(String.format("INA260 current %.3f A exceeds the part's 15 A", amps));
        }
        return new Reading(volts, amps, watts);
    }
}
