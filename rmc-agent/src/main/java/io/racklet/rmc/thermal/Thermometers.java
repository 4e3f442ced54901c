package io.racklet.rmc.thermal;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import io.racklet.drivers.thermal.Ds18b20;
import io.racklet.drivers.thermal.Thermometer;
import io.racklet.drivers.thermal.Tmp102;
import io.racklet.drivers.thermal.Tmp117;

/** Builds the configured rack sensors. */
public final class Thermometers {
    private Thermometers() {}

    public static Thermometer create(Context pi4j, SensorConfig s) {
        return switch (s.chip()) {
            case TMP102 -> new Tmp102(i2c(pi4j, s));
            case TMP117 -> new Tmp117(i2c(pi4j, s));
            case DS18B20 -> new Ds18b20(s.path(), s.serial());
        };
    }

    private static I2C i2c(Context pi4j, SensorConfig s) {
        return pi4j.create(I2C.newConfigBuilder(pi4j).id("sensor-" + s.name()).bus(s.bus()).device(s.address()).build());
    }
}
