package io.racklet.rmc.thermal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * One rack temperature sensor.
 *
 * @param name    how events and telemetry call it
 * @param chip    tmp102, tmp117 (I2C) or ds18b20 (1-Wire)
 * @param bus     I2C bus (default 1)
 * @param address I2C address (TMP102/TMP117)
 * @param serial  the DS18B20's serial, as in /sys/bus/w1/devices/28-SERIAL
 * @param path    where 1-Wire devices appear (default /sys/bus/w1/devices)
 * @param zone    whether the cooling zone controls on it (default true; an intake sensor would say false)
 */
public record SensorConfig(String name, Chip chip, Integer bus, Integer address, String serial, Path path, Boolean zone) {
    public enum Chip {
        @JsonProperty("tmp102") TMP102,
        @JsonProperty("tmp117") TMP117,
        @JsonProperty("ds18b20") DS18B20
    }

    public SensorConfig {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("field 'sensors[].name': missing (required)");
        if (chip == null) throw new IllegalArgumentException("field 'sensors[" + name + "].chip': missing (tmp102, tmp117 or ds18b20)");
        if (bus == null) bus = 1;
        if (path == null) path = Path.of("/sys/bus/w1/devices");
        if (zone == null) zone = true;
        if (chip == Chip.DS18B20 && (serial == null || serial.isBlank())) {
            throw new IllegalArgumentException("field 'sensors[" + name + "].serial': a DS18B20 needs its serial");
        }
        if (chip != Chip.DS18B20 && address == null) {
            throw new IllegalArgumentException("field 'sensors[" + name + "].address': an I2C sensor needs its address");
        }
    }
}
