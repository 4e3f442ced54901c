package io.racklet.bmc.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.bmc.report.RecordingReporter;
import io.racklet.protocol.message.PowerGrant;
import io.racklet.protocol.message.PowerRequest;
import io.racklet.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerGateTest {
    final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    final List<PowerRequest> sent = new ArrayList<>();
    final RecordingReporter reporter = new RecordingReporter();

    PowerGate gate(Path dir) {
        return new PowerGate("n1", PowerConfig.DEFAULTS, clock, sent::add, reporter, dir);
    }

    PowerGrant grant(PowerRequest r, boolean granted) {
        return PowerGrant.of("g-" + r.id(), clock.instant(), r.id(), granted, granted ? "fits" : "too big");
    }

    @Test
    void withoutAnyWordFromTheRmcItWaitsThenAssumesNoBudget(@TempDir Path dir) {
        PowerGate g = gate(dir);
        assertThat(g.admit("test")).isFalse();
        assertThat(reporter.events).anySatisfy(e -> assertThat(e.kind()).isEqualTo("power.waiting"));
        clock.advance(PowerGate.LEARN_TIME);
        assertThat(g.admit("test")).isTrue();
        assertThat(sent).isEmpty();
    }

    @Test
    void withABudgetItAsksAndSwitchesOnlyOnAGrant(@TempDir Path dir) {
        PowerGate g = gate(dir);
        g.budget(25.0);
        assertThat(g.admit("test")).isFalse();
        assertThat(sent).singleElement().satisfies(r -> assertThat(r.inrushWatts()).isEqualTo(13.0));
        assertThat(g.answer(grant(sent.get(0), true))).isEmpty();
        assertThat(g.admit("test")).isTrue();
    }

    @Test
    void aGrantForAnEarlierRequestCountsAndALateOneIsIgnored(@TempDir Path dir) {
        PowerGate g = gate(dir);
        g.budget(25.0);
        g.admit("test");
        clock.advance(PowerGate.ASK_AGAIN);
        g.admit("test"); // asks again while the first grant is on its way
        assertThat(sent).hasSize(2);
        assertThat(g.answer(grant(sent.get(0), true))).isEmpty();
        assertThat(g.admit("test")).isTrue();
        assertThat(g.answer(grant(sent.get(1), true))).as("already powered: nothing to do").isNull();
    }

    @Test
    void aRefusalIsReportedOnce(@TempDir Path dir) {
        PowerGate g = gate(dir);
        g.budget(5.0);
        g.admit("test");
        assertThat(g.answer(grant(sent.get(0), false))).isEqualTo("too big");
        assertThat(g.answer(grant(sent.get(0), false))).isNull();
    }

    @Test
    void whatItLearnedAboutTheBudgetSurvivesARestart(@TempDir Path dir) {
        gate(dir).budget(25.0);
        PowerGate restarted = gate(dir);
        assertThat(restarted.required()).isTrue();
        assertThat(restarted.admit("test")).as("asks at once, no learning wait").isFalse();
        assertThat(sent).hasSize(1);
        gate(dir).budget(null);
        assertThat(gate(dir).admit("test")).isTrue();
    }
}
