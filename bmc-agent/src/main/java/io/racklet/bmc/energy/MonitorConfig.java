package io.racklet.bmc.energy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The node's power monitor on the BMC's I2C.
 *
 * @param chip           ina219 (external shunt) or ina260 (2 mOhm shunt inside)
 * @param bus            I2C bus number (1 on a Pi's 40-pin header)
 * @param address        7-bit address (default 0x40; YAML takes 0x40 or 64)
 * @param shuntOhms      the INA219's shunt resistor (ignored for the INA260)
 * @param maxAmps        largest current expected; sets the INA219's calibration resolution
 * @param sampleInterval how often the monitor is read (default 100ms, i.e. 10 Hz)
 */
public record MonitorConfig(Chip chip, Integer bus, Integer address, Double shuntOhms, Double maxAmps,
        Duration sampleInterval) {
    public static final MonitorConfig DEFAULTS = new MonitorConfig(null, null, null, null, null, null);

    public enum Chip {
        @JsonProperty("ina219") INA219,
        @JsonProperty("ina260") INA260;

        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }

    public MonitorConfig {
        if (chip == null) chip = Chip.INA219;
        if (bus == null) bus = 1;
        if (address == null) address = 0x40;
        if (shuntOhms == null) shuntOhms = 0.1;
        if (maxAmps == null) maxAmps = 3.2;
        if (sampleInterval == null) sampleInterval = Duration.ofMillis(100);
        if (address < 0x03 || address > 0x77) {
            throw new IllegalArgumentException(String.format("field 'monitor.address': 0x%x is outside the 7-bit I2C range 0x03-0x77", address));
        }
        if (shuntOhms <= 0) throw new IllegalArgumentException("field 'monitor.shuntOhms': must be positive");
        if (maxAmps <= 0) throw new IllegalArgumentException("field 'monitor.maxAmps': must be positive");
        if (sampleInterval.toMillis() < 5) throw new IllegalArgumentException("field 'monitor.sampleInterval': must be at least 5ms");
    }
}
