package io.racklet.bmc.power;

import java.time.Duration;

/**
 * @param enableLine     GPIO line (BCM numbering) that switches the node's 5 V rail
 * @param activeHigh     whether a high level switches the rail on (default true)
 * @param chipOffset     added to line numbers: Pi kernels 6.6+ number sysfs GPIO from 512
 * @param resetLine      GPIO line wired to the node's reset input, if any
 * @param resetActiveLow whether reset is asserted by a low level (default true)
 * @param resetPulse     how long reset is held (default 500ms)
 * @param shutdownLine   GPIO line wired to the node's shutdown input (its GPIO3), if any
 * @param shutdownTimeout how long a graceful shutdown may take before power is cut anyway (default 60s)
 * @param inrushWatts    the node's modelled peak at power-on, asked of the rack's budget (default 13)
 * @param bootWatts      what the node draws while booting, reserved in the budget (default 5)
 * @param cycleOffTime   how long "cycle" keeps the node off (default 5s)
 * @param restorePolicy  what to do at start when the rail is off (default last-state)
 * @param overCurrent    the node's current limit
 */
public record PowerConfig(Integer enableLine, Boolean activeHigh, Integer chipOffset, Integer resetLine,
        Boolean resetActiveLow, Duration resetPulse, Integer shutdownLine, Duration shutdownTimeout, Double inrushWatts,
        Double bootWatts, Duration cycleOffTime, RestorePolicy restorePolicy, OverCurrentConfig overCurrent) {
    public static final PowerConfig DEFAULTS = new PowerConfig(null, null, null, null, null, null, null, null, null, null,
            null, null, null);

    public PowerConfig {
        if (enableLine == null) enableLine = 17;
        if (activeHigh == null) activeHigh = true;
        if (chipOffset == null) chipOffset = 0;
        if (resetActiveLow == null) resetActiveLow = true;
        if (resetPulse == null) resetPulse = Duration.ofMillis(500);
        if (shutdownTimeout == null) shutdownTimeout = Duration.ofSeconds(60);
        if (inrushWatts == null) inrushWatts = 13.0;
        if (bootWatts == null) bootWatts = 5.0;
        if (inrushWatts < 0 || bootWatts < 0) throw new IllegalArgumentException("field 'power.inrushWatts'/'bootWatts': must not be negative");
        if (cycleOffTime == null) cycleOffTime = Duration.ofSeconds(5);
        if (restorePolicy == null) restorePolicy = RestorePolicy.LAST_STATE;
        if (overCurrent == null) overCurrent = OverCurrentConfig.DEFAULTS;
        requireLine("power.enableLine", enableLine);
        if (resetLine != null) {
            requireLine("power.resetLine", resetLine);
            if (resetLine.equals(enableLine)) throw new IllegalArgumentException("field 'power.resetLine': must differ from enableLine");
        }
        if (shutdownLine != null) {
            requireLine("power.shutdownLine", shutdownLine);
            if (shutdownLine.equals(enableLine) || shutdownLine.equals(resetLine)) {
                throw new IllegalArgumentException("field 'power.shutdownLine': must differ from enableLine and resetLine");
            }
        }
        if (chipOffset < 0) throw new IllegalArgumentException("field 'power.chipOffset': must not be negative");
        if (cycleOffTime.isNegative()) throw new IllegalArgumentException("field 'power.cycleOffTime': must not be negative");
    }

    public static PowerConfig withPolicy(RestorePolicy policy) {
        return new PowerConfig(null, null, null, null, null, null, null, null, null, null, null, policy, null);
    }

    private static void requireLine(String field, int line) {
        if (line < 0 || line > 53) throw new IllegalArgumentException("field '" + field + "': a GPIO line is 0-53, got " + line);
    }
}
