package io.racklet.bmc.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.racklet.bmc.energy.Reading;
import io.racklet.bmc.power.PowerControllerTest.FakeSwitch;
import io.racklet.bmc.report.RecordingReporter;
import io.racklet.bmc.report.RecordingReporter.Event;
import io.racklet.protocol.message.PowerAction;
import io.racklet.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Power cut for protection: the node stays off until someone explicitly commands it on. */
class PowerControllerProtectionTest {
    private static final String CAUSE = "over-current: 3.40 A above the 3.00 A limit for 500ms";

    @TempDir
    Path stateDir;

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private final FakeSwitch rail = new FakeSwitch();
    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> stateChanges = new ArrayList<>();

    private PowerController started() {
        PowerController c = PowerFixtures.controller(rail, Optional.empty(), PowerConfig.withPolicy(RestorePolicy.LAST_STATE),
                scheduler, reporter, stateDir, stateChanges::add);
        c.start();
        return c;
    }

    @Test
    void protectCutsPowerWithTheGivenEventAndCause() {
        rail.on = true;
        PowerController c = started();

        c.protect("power.overcurrent", CAUSE);

        assertThat(rail.on).isFalse();
        assertThat(c.isOn()).isFalse();
        assertThat(reporter.events).extracting(Event::kind, Event::cause)
                .containsExactly(tuple("power.overcurrent", CAUSE), tuple("power.off", CAUSE));
        assertThat(reporter.events.get(0).message()).contains("stays off");
        assertThat(stateChanges).contains(CAUSE);
    }

    @Test
    void theNodeStaysOffThroughReconcileAndAgentRestartUntilCommandedOn() {
        rail.on = true;
        PowerController c = started();
        c.protect("power.overcurrent", CAUSE);

        for (int i = 0; i < 10; i++) {
            scheduler.advance(Duration.ofSeconds(1));
            c.reconcile();
        }
        assertThat(rail.on).isFalse();
        assertThat(started().desiredOn()).as("a restarted agent keeps it off too").isFalse();
        assertThat(rail.on).isFalse();

        c.request(PowerAction.ON, "command 12 from cli");
        assertThat(rail.on).isTrue();
        assertThat(reporter.events.get(reporter.events.size() - 1))
                .extracting(Event::kind, Event::cause).containsExactly("power.on", "command 12 from cli");
    }

    @Test
    void protectDuringACycleCancelsThePendingOn() {
        rail.on = true;
        PowerController c = started();
        c.request(PowerAction.CYCLE, "command 7");
        scheduler.advance(Duration.ofSeconds(1));

        c.protect("power.overcurrent", CAUSE);
        scheduler.advance(Duration.ofSeconds(60));

        assertThat(rail.on).as("the cycle's pending on was called off").isFalse();
        assertThat(reporter.eventKinds()).doesNotContain("power.on");
    }

    @Test
    void protectingANodeThatIsOffAndMeantToBeOffReportsNothing() {
        PowerController c = started();
        c.protect("power.overcurrent", CAUSE);
        assertThat(reporter.events).isEmpty();
        assertThat(rail.switches).isZero();
    }

    @Test
    void overCurrentGuardWiredAsInTheAgentCutsTheRailOnce() {
        rail.on = true;
        PowerController c = started();
        OverCurrentGuard guard = new OverCurrentGuard(OverCurrentConfig.DEFAULTS, scheduler,
                cause -> c.protect("power.overcurrent", cause));

        for (int i = 0; i < 10; i++) {
            // a shorted node keeps drawing until the rail is cut; afterwards it reads 0 A
            guard.check(new Reading(4.6, rail.on ? 3.4 : 0, rail.on ? 15.6 : 0));
            scheduler.advance(Duration.ofMillis(100));
        }

        assertThat(rail.on).isFalse();
        assertThat(reporter.eventKinds()).containsExactly("power.overcurrent", "power.off");
        assertThat(reporter.events.get(0).cause()).contains("3.40 A");
    }

    @Test
    void protectionDuringTheOffPhaseOfACycleKeepsTheNodeOffAcrossARestart() {
        PowerController power = started();
        power.request(io.racklet.protocol.message.PowerAction.CYCLE, "command 7 from api");
        power.protect("power.overcurrent", CAUSE);
        scheduler.advance(java.time.Duration.ofSeconds(30));
        assertThat(rail.isOn()).as("the pending 'on' of the cycle was called off").isFalse();
        assertThat(reporter.events).anySatisfy(e -> assertThat(e.kind()).isEqualTo("power.overcurrent"));
        assertThat(new DesiredPowerStore(stateDir).load()).as("saved for last-state").contains(false);
    }
}
