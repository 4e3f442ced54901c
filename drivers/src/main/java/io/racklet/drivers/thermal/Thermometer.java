package io.racklet.drivers.thermal;

/** The port to one temperature sensor. Throws on a bus error or an impossible value. */
public interface Thermometer {
    /** TMP102, TMP117 and DS18B20 are all specified within -55..+125 C. */
    double MIN_CELSIUS = -55, MAX_CELSIUS = 125;

    double celsius();

    /** Rejects what no such part can report: a bus returning garbage must not become a reading. */
    static double plausible(double c, String part) {
        if (c < MIN_CELSIUS || c > MAX_CELSIUS || Double.isNaN(c)) {
            throw new IllegalStateException(part + " reads " + c + " C, outside its -55..125 C range");
        }
        return c;
    }
}
