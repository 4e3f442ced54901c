package io.racklet.bmc.energy;

/**
 * The node's power monitor on the BMC's I2C.
 *
 * @param bus        I2C bus number (1 on a Pi's 40-pin header)
 * @param address    7-bit address (0x40 by default; YAML accepts 0x40 or 64)
 * @param shuntOhms  value of the shunt resistor
 * @param maxAmps    largest current expected; sets the calibration's resolution
 */
public record MonitorConfig(Integer bus, Integer address, Double shuntOhms, Double maxAmps) {
    public static final MonitorConfig DEFAULTS = new MonitorConfig(null, null, null, null);

    public MonitorConfig {
        if (bus == null) bus = 1;
        if (address == null) address = 0x40;
        if (shuntOhms == null) shuntOhms = 0.1;
        if (maxAmps == null) maxAmps = 3.2;
        if (address < 0x03 || address > 0x77) throw new IllegalArgumentException(String.format("address 0x%x is outside the 7-bit I2C range 0x03-0x77", address));
        if (shuntOhms <= 0) throw new IllegalArgumentException("shuntOhms must be positive");
        if (maxAmps <= 0) throw new IllegalArgumentException("maxAmps must be positive");
    }
}
