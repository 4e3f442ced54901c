package io.racklet.controller.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.controller.events.RackEvent;
import io.racklet.protocol.message.PowerTelemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    static PowerTelemetry sample(int second, double watts) {
        return PowerTelemetry.of(second, T0.plusSeconds(second), 5, watts / 5, watts, watts - 0.5, watts + 0.5, second / 3600.0, 10, 40.0);
    }

    @Test
    void samplesAreQueriedByNodeAndTimeRange(@TempDir Path dir) throws Exception {
        try (HistoryStore store = new HistoryStore(dir.resolve("h.db"), Duration.ofDays(3650), Duration.ofDays(3650))) {
            for (int s = 0; s < 120; s++) {
                store.sample("n1", sample(s, 3 + s % 2));
                store.sample("n2", sample(s, 9));
            }
            store.flush();
            var points = store.history("n1", T0.plusSeconds(10), T0.plusSeconds(19), false, 1000);
            assertThat(points).hasSize(10);
            assertThat(points.get(0).ts()).isEqualTo(T0.plusSeconds(10));
            assertThat(points).allSatisfy(p -> assertThat(p.watts()).isBetween(3.0, 4.0));
            assertThat(store.history("n1", T0, T0.plusSeconds(200), false, 5)).as("limit").hasSize(5);
        }
    }

    @Test
    void minuteRollupsKeepMeanMinAndMaxAndRetentionDropsOldData(@TempDir Path dir) throws Exception {
        // the store's own clock stands still just after the samples: the test decides when minutes end
        try (HistoryStore store = new HistoryStore(dir.resolve("h.db"), Duration.ofMinutes(1), Duration.ofDays(1),
                java.time.InstantSource.fixed(T0.plusSeconds(1)))) {
            for (int s = 0; s < 120; s++) store.sample("n1", sample(s, 3 + s % 2));
            store.flush();
            store.maintainNow(T0.plusSeconds(125));
            var minutes = store.history("n1", T0, T0.plusSeconds(120), true, 100);
            assertThat(minutes).hasSize(2);
            assertThat(minutes.get(0).watts()).isEqualTo(3.5);
            assertThat(minutes.get(0).wattsMin()).isEqualTo(2.5);
            assertThat(minutes.get(0).wattsMax()).isEqualTo(4.5);
            assertThat(minutes.get(0).celsius()).isEqualTo(40.0);
            // raw samples older than a minute are gone; the rollups stay
            assertThat(store.history("n1", T0, T0.plusSeconds(60), false, 1000)).isEmpty();
            assertThat(store.history("n1", T0, T0.plusSeconds(120), false, 1000)).isNotEmpty();
        }
    }

    @Test
    void eventsSurviveReopeningTheStore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.db");
        try (HistoryStore store = new HistoryStore(file, Duration.ofDays(1), Duration.ofDays(1))) {
            store.event(new RackEvent("n1", 1, T0, "power.off", "node powered off", "command 1 from api"));
            store.event(new RackEvent("rmc", 1, T0.plusSeconds(1), "budget.granted", "ok", "power request x"));
            store.event(new RackEvent("n1", 2, T0.plusSeconds(2), "power.on", "node powered on", "command 2 from api"));
            store.flush();
        }
        try (HistoryStore reopened = new HistoryStore(file, Duration.ofDays(1), Duration.ofDays(1))) {
            assertThat(reopened.events(null, null, null, 10)).extracting(RackEvent::kind)
                    .containsExactly("power.off", "budget.granted", "power.on");
            assertThat(reopened.events("n1", "power", T0.plusSeconds(1), 10)).extracting(RackEvent::cause)
                    .containsExactly("command 2 from api");
            assertThat(reopened.events(null, null, null, 1)).extracting(RackEvent::kind).containsExactly("power.on");
        }
    }
}
