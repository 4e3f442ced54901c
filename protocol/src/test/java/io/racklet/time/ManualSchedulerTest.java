package io.racklet.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final List<String> ran = new ArrayList<>();

    /** Records the task's name and the virtual time it ran at, in seconds since T0. */
    private Runnable log(String name) {
        return () -> ran.add(name + "@" + Duration.between(T0, scheduler.instant()).toMillis() / 1000.0);
    }

    @Test
    void oneShotTasksRunInTimeOrderNotSchedulingOrder() {
        scheduler.schedule(Duration.ofSeconds(3), log("c"));
        scheduler.schedule(Duration.ofSeconds(1), log("a"));
        scheduler.schedule(Duration.ofSeconds(2), log("b"));

        scheduler.advance(Duration.ofSeconds(5));

        assertThat(ran).containsExactly("a@1.0", "b@2.0", "c@3.0");
        assertThat(scheduler.instant()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void tasksDueAtTheSameInstantRunInSchedulingOrder() {
        scheduler.schedule(Duration.ofSeconds(1), log("first"));
        scheduler.schedule(Duration.ofSeconds(1), log("second"));

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(ran).containsExactly("first@1.0", "second@1.0");
    }

    @Test
    void advancingByLessThanTheDueTimeRunsNothing() {
        scheduler.schedule(Duration.ofSeconds(2), log("a"));
        scheduler.every(Duration.ofSeconds(2), Duration.ofSeconds(1), log("p"));

        scheduler.advance(Duration.ofMillis(1999));
        assertThat(ran).isEmpty();
        assertThat(scheduler.instant()).isEqualTo(T0.plusMillis(1999));

        // the rest of the way: both fall due exactly at the end of the step
        scheduler.advance(Duration.ofMillis(1));
        assertThat(ran).containsExactly("a@2.0", "p@2.0");
    }

    @Test
    void periodicTaskRepeatsAtItsPeriodInterleavedWithOneShots() {
        scheduler.every(Duration.ofSeconds(1), Duration.ofSeconds(2), log("p"));
        scheduler.schedule(Duration.ofSeconds(4), log("x"));

        scheduler.advance(Duration.ofSeconds(6));

        assertThat(ran).containsExactly("p@1.0", "p@3.0", "x@4.0", "p@5.0");
    }

    @Test
    void cancelledOneShotNeverRuns() {
        Scheduler.Cancellable c = scheduler.schedule(Duration.ofSeconds(1), log("a"));
        scheduler.schedule(Duration.ofSeconds(2), log("b"));
        c.cancel();

        scheduler.advance(Duration.ofSeconds(3));

        assertThat(ran).containsExactly("b@2.0");
    }

    @Test
    void periodicTaskCancelledAfterRepeatingStopsRepeating() {
        Scheduler.Cancellable c = scheduler.every(Duration.ZERO, Duration.ofSeconds(1), log("p"));
        scheduler.advance(Duration.ofMillis(2500));
        assertThat(ran).containsExactly("p@0.0", "p@1.0", "p@2.0");

        c.cancel();
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(ran).hasSize(3);
    }

    @Test
    void periodicTaskCanCancelItselfWhileRunning() {
        List<Scheduler.Cancellable> self = new ArrayList<>();
        self.add(scheduler.every(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
            log("p").run();
            if (ran.size() == 2) self.get(0).cancel();
        }));

        scheduler.advance(Duration.ofSeconds(10));

        assertThat(ran).containsExactly("p@1.0", "p@2.0");
    }

    @Test
    void taskScheduledByATaskWithinTheStepRunsInTheSameAdvance() {
        scheduler.schedule(Duration.ofSeconds(1), () -> {
            log("a").run();
            scheduler.schedule(Duration.ofSeconds(1), log("b"));
        });

        scheduler.advance(Duration.ofSeconds(3));

        assertThat(ran).containsExactly("a@1.0", "b@2.0");
    }

    @Test
    void nonPositivePeriodIsRejected() {
        assertThatThrownBy(() -> scheduler.every(Duration.ZERO, Duration.ZERO, () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period");
    }
}
