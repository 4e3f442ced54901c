package io.racklet.bmc.energy;

import com.pi4j.io.i2c.I2C;

/**
 * Register-level driver for TI's INA219 (datasheet SBOS448G). Calibration follows section 8.5.1:
 * Current_LSB = maxAmps / 2^15, Cal = trunc(0.04096 / (Current_LSB * R_shunt)), Power_LSB =
 * 20 * Current_LSB. Registers are 16-bit big-endian.
 */
public final class Ina219 implements PowerMonitor {
    static final int CONFIG = 0x00, SHUNT = 0x01, BUS = 0x02, POWER = 0x03, CURRENT = 0x04, CALIBRATION = 0x05;
    /** Reset bit of the configuration register. */
    static final int RESET = 0x8000;
    /** 32 V bus range, PGA /8 (320 mV shunt range), 12-bit bus and shunt ADC, continuous conversion. */
    static final int CONFIG_32V_320MV_CONTINUOUS = 0x399F;
    /** The bus ADC's full scale is 32 V but the part is rated to 26 V. */
    static final double MAX_BUS_VOLTS = 26.0;

    private final I2cRegisters registers;
    private final double shuntOhms;
    private final double currentLsb;
    private final int calibration;

    public Ina219(I2C i2c, double shuntOhms, double maxAmps) {
        this.registers = new I2cRegisters(i2c, "INA219");
        this.shuntOhms = shuntOhms;
        this.currentLsb = maxAmps / 32768.0;
        int cal = (int) (0.04096 / (currentLsb * shuntOhms));
        if (cal < 1 || cal > 0xFFFE) {
            throw new IllegalArgumentException("shunt " + shuntOhms + " ohm with maxAmps " + maxAmps
                    + " gives calibration " + cal + ", outside the INA219's 1-65534");
        }
        this.calibration = cal & 0xFFFE;
    }

    public int calibration() {
        return calibration;
    }

    public double currentLsb() {
        return currentLsb;
    }

    /**
     * The INA219 has no ID register: its configuration's reserved bit 14 reads 0, and the
     * calibration register holds what is written (what {@link #configure()} writes anyway).
     */
    public String identify() {
        int config = readWord(CONFIG);
        if ((config & 0x4000) != 0) {
            throw new IllegalStateException(String.format("configuration reads 0x%04x, reserved bit 14 set: not an INA219 (or a floating bus)", config));
        }
        writeWord(CALIBRATION, calibration);
        int back = readWord(CALIBRATION);
        if (back != calibration) {
            throw new IllegalStateException(String.format("calibration reads back 0x%04x after writing 0x%04x: not an INA219", back, calibration));
        }
        return String.format("configuration 0x%04x, calibration 0x%04x reads back", config, calibration);
    }

    @Override
    public void configure() {
        writeWord(CONFIG, RESET);
        writeWord(CONFIG, CONFIG_32V_320MV_CONTINUOUS);
        writeWord(CALIBRATION, calibration);
    }

    @Override
    public Reading read() {
        // a brown-out resets the part to calibration 0, which reads as zero current: re-calibrate
        if (readWord(CALIBRATION) != calibration) {
            configure();
        }
        int bus = readWord(BUS);
        if ((bus & 0x1) != 0) {
            throw new ImplausibleReadingException("INA219 math overflow: current beyond the shunt range");
        }
        double volts = (bus >> 3) * 0.004;
        double amps = (short) readWord(CURRENT) * currentLsb;
        double watts = readWord(POWER) * 20 * currentLsb;
        double shuntVolts = (short) readWord(SHUNT) * 10e-6;
        if (volts > MAX_BUS_VOLTS) {
            throw new ImplausibleReadingException(String.format("INA219 bus voltage %.3f V exceeds the part's 26 V", volts));
        }
        if (Math.abs(shuntVolts) > 0.32 || Math.abs(amps) > 0.32 / shuntOhms) {
            throw new ImplausibleReadingException(String.format("INA219 current %.3f A outside its shunt range", amps));
        }
        return new Reading(volts, amps, watts);
    }

    private int readWord(int register) {
        return registers.read(register);
    }

    private void writeWord(int register, int value) {
        registers.write(register, value);
    }
}
