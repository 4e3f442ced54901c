package io.racklet.sim;

import java.util.List;

/**
 * How the RMC HAT connects fans and rack sensors, on the RMC Pi's GPIO, PWM and I2C.
 *
 * @param fans           each fan's PWM channel (GPIO 12/13: the Pi's two hardware PWMs) and tach line
 * @param i2cBus         bus of the rack sensors
 * @param tmp102Address  TMP102 in the hot air above the nodes
 * @param tmp117Address  TMP117 at the exhaust
 * @param ds18b20Serial  the DS18B20 at the intake, on 1-Wire (GPIO 4)
 */
public record RmcWiring(List<Fan> fans, int i2cBus, int tmp102Address, int tmp117Address, String ds18b20Serial) {
    public static final RmcWiring DEFAULT = new RmcWiring(
            List.of(new Fan(12, 6, 4200, 2), new Fan(13, 5, 4200, 2)), 1, 0x48, 0x49, "0316a2794c2e");

    /** @param maxRpm the fan's speed at full duty; @param pulsesPerRev tach pulses per revolution */
    public record Fan(int pwmChannel, int tachLine, double maxRpm, int pulsesPerRev) {}
}
