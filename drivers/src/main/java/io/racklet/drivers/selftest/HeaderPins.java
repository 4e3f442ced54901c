package io.racklet.drivers.selftest;

import java.util.Map;

/**
 * Where a BCM GPIO number sits on the Raspberry Pi's 40-pin header, so a selftest can say which
 * physical pin to probe. The wiring itself is in pcb/pinmap.yaml.
 */
public final class HeaderPins {
    private static final Map<Integer, Integer> PIN_OF_BCM = Map.ofEntries(
            Map.entry(2, 3), Map.entry(3, 5), Map.entry(4, 7), Map.entry(14, 8), Map.entry(15, 10),
            Map.entry(17, 11), Map.entry(18, 12), Map.entry(27, 13), Map.entry(22, 15), Map.entry(23, 16),
            Map.entry(24, 18), Map.entry(10, 19), Map.entry(9, 21), Map.entry(25, 22), Map.entry(11, 23),
            Map.entry(8, 24), Map.entry(7, 26), Map.entry(0, 27), Map.entry(1, 28), Map.entry(5, 29),
            Map.entry(6, 31), Map.entry(12, 32), Map.entry(13, 33), Map.entry(19, 35), Map.entry(16, 36),
            Map.entry(26, 37), Map.entry(20, 38), Map.entry(21, 40));

    private HeaderPins() {}

    /** "GPIO17 (header pin 11)", or just "GPIO<n>" for a line that is not on the header. */
    public static String describe(int bcm) {
        Integer pin = PIN_OF_BCM.get(bcm);
        return pin == null ? "GPIO" + bcm : "GPIO" + bcm + " (header pin " + pin + ")";
    }

    /** The I2C bus's header pins (bus 1: SDA pin 3, SCL pin 5), for wiring hints. */
    public static String i2c(int bus) {
        return bus == 1 ? "SDA1 (header pin 3), SCL1 (header pin 5), 3V3 (pin 1), GND (pin 6)"
                : "the SDA/SCL pins of i2c-" + bus + " (see its dtoverlay)";
    }
}
