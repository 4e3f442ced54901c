package io.racklet.bmc.power;

import io.racklet.bmc.energy.Reading;
import io.racklet.json.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Consumer;

/** Trips when the node's current stays above its limit for longer than the hold time. */
public final class OverCurrentGuard {
    private final OverCurrentConfig config;
    private final InstantSource clock;
    private final Consumer<String> trip;
    private Instant aboveSince;
    private boolean tripped;

    /** @param trip called once per excursion with the cause, e.g. "over-current: 3.40 A above 3.00 A for 500ms" */
    public OverCurrentGuard(OverCurrentConfig config, InstantSource clock, Consumer<String> trip) {
        this.config = config;
        this.clock = clock;
        this.trip = trip;
    }

    public void check(Reading r) {
        Instant now = clock.instant();
        if (r.amps() <= config.limitAmps()) {
            aboveSince = null;
            tripped = false;
            return;
        }
        if (aboveSince == null) {
            aboveSince = now;
        }
        if (!tripped && Duration.between(aboveSince, now).compareTo(config.holdTime()) >= 0) {
            tripped = true;
            trip.accept(String.format("over-current: %.2f A above the %.2f A limit for %s", r.amps(),
                    config.limitAmps(), DurationText.format(config.holdTime())));
        }
    }
}
