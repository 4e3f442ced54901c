package io.racklet.rmc.thermal;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;

/** Builds the configured sensors, and the range check they share. */
public final class Thermometers {
    /** All three parts are specified from -55 (or -40) to +125 C. */
    static final double MIN = -55, MAX = 125;

    private Thermometers() {}

    static double plausible(double c, String part) {
        if (c < MIN || c > MAX || Double.isNaN(c)) {
            throw new IllegalStateException(part + " reads " + c + " C, outside its -55..125 C range");
        }
        return c;
    }

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
