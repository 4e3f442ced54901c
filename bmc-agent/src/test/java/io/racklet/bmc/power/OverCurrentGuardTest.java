package io.racklet.bmc.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.bmc.energy.Reading;
import io.racklet.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The over-current guard in virtual time: a short spike is tolerated, a sustained excursion trips once. */
class OverCurrentGuardTest {
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private final List<String> trips = new ArrayList<>();
    private final OverCurrentGuard guard =
            new OverCurrentGuard(new OverCurrentConfig(3.0, Duration.ofMillis(500)), clock, trips::add);

    private void check(double amps) {
        guard.check(new Reading(5.0, amps, 5.0 * amps));
    }

    /** Readings of {@code amps} every 100 ms for {@code millis}, starting now. */
    private void hold(double amps, long millis) {
        for (long t = 0; t < millis; t += 100) {
            check(amps);
            clock.advance(Duration.ofMillis(100));
        }
    }

    @Test
    void tripsOnceAfterTheHoldTimeAndNotBefore() {
        check(3.4);
        clock.advance(Duration.ofMillis(499));
        check(3.4);
        assertThat(trips).isEmpty();

        clock.advance(Duration.ofMillis(1));
        check(3.4);
        assertThat(trips).singleElement().asString()
                .contains("3.40 A").contains("3.00 A").contains("500ms");

        hold(3.4, 2000);
        assertThat(trips).as("still the same excursion").hasSize(1);
    }

    @Test
    void currentAtTheLimitIsNotAbove() {
        hold(3.0, 5000);
        assertThat(trips).isEmpty();
    }

    @Test
    void dippingBelowTheLimitRestartsTheHoldTime() {
        hold(3.4, 400);   // 0..300 ms above
        check(2.0);       // 400 ms: back below
        clock.advance(Duration.ofMillis(100));
        check(3.4);       // 500 ms: a new excursion starts here
        clock.advance(Duration.ofMillis(499));
        check(3.4);
        assertThat(trips).as("only 499 ms since the dip").isEmpty();

        clock.advance(Duration.ofMillis(1));
        check(3.4);
        assertThat(trips).hasSize(1);
    }

    @Test
    void aNewExcursionTripsAgain() {
        hold(3.5, 600);
        assertThat(trips).hasSize(1);
        hold(1.0, 300);
        hold(3.5, 600);
        assertThat(trips).hasSize(2);
    }

    @Test
    void zeroHoldTimeTripsAtTheFirstReadingAbove() {
        OverCurrentGuard instant = new OverCurrentGuard(new OverCurrentConfig(1.0, Duration.ZERO), clock, trips::add);
        instant.check(new Reading(5, 0.9, 4.5));
        assertThat(trips).isEmpty();
        instant.check(new Reading(5, 1.1, 5.5));
        assertThat(trips).hasSize(1);
    }
}
