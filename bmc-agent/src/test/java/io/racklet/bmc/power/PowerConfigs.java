package io.racklet.bmc.power;

import java.time.Duration;

/** Power configurations for tests, built in one place so a new config field is one edit here. */
final class PowerConfigs {
    private PowerConfigs() {}

    /** Enable line 17 and reset line 27 (the simulator's default wiring), with the given details. */
    static PowerConfig of(boolean activeHigh, int chipOffset, Duration resetPulse, RestorePolicy policy) {
        return new PowerConfig(17, activeHigh, chipOffset, 27, true, resetPulse, null, policy, null);
    }
}
