package io.racklet.bmc.power;

import java.time.Duration;

/**
 * @param enableLine    GPIO line (BCM numbering) that switches the node's 5 V rail
 * @param activeHigh    whether a high level switches the rail on (default true)
 * @param chipOffset    added to line numbers: Pi kernels 6.6+ number sysfs GPIO from 512
 * @param cycleOffTime  how long "cycle" keeps the node off (default 5s)
 * @param restorePolicy what to do at start when the rail is off (default last-state)
 */
public record PowerConfig(Integer enableLine, Boolean activeHigh, Integer chipOffset, Duration cycleOffTime,
        RestorePolicy restorePolicy) {
    public static final PowerConfig DEFAULTS = new PowerConfig(null, null, null, null, null);

    public PowerConfig {
        if (enableLine == null) enableLine = 17;
        if (activeHigh == null) activeHigh = true;
        if (chipOffset == null) chipOffset = 0;
        if (cycleOffTime == null) cycleOffTime = Duration.ofSeconds(5);
        if (restorePolicy == null) restorePolicy = RestorePolicy.LAST_STATE;
        if (enableLine < 0 || enableLine > 53) throw new IllegalArgumentException("enableLine must be a GPIO line 0-53, got " + enableLine);
        if (chipOffset < 0) throw new IllegalArgumentException("chipOffset must not be negative");
        if (cycleOffTime.isNegative()) throw new IllegalArgumentException("cycleOffTime must not be negative");
    }
}
