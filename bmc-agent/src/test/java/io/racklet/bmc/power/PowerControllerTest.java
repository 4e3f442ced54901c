package io.racklet.bmc.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.racklet.bmc.report.RecordingReporter;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PowerControllerTest {
    /** The rail as the BMC sees it; counts switching so tests can prove nothing was toggled. */
    static final class FakeSwitch implements PowerSwitch {
        boolean on;
        int switches;

        @Override
        public boolean isOn() {
            return on;
        }

        @Override
        public void set(boolean on) {
            switches++;
            this.on = on;
        }
    }

    @TempDir
    Path stateDir;

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private final FakeSwitch rail = new FakeSwitch();
    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> stateChanges = new ArrayList<>();

    private PowerController controller(RestorePolicy policy) {
        return PowerFixtures.controller(rail, Optional.empty(), PowerConfig.withPolicy(policy), scheduler, reporter,
                stateDir, stateChanges::add);
    }

    private PowerController started(RestorePolicy policy) {
        PowerController c = controller(policy);
        c.start();
        return c;
    }

    @ParameterizedTest
    @EnumSource(RestorePolicy.class)
    void railFoundOnIsAdoptedUnderEveryPolicy(RestorePolicy policy) {
        rail.on = true;
        PowerController c = started(policy);

        assertThat(rail.switches).isZero();
        assertThat(c.isOn()).isTrue();
        assertThat(c.desiredOn()).isTrue();
        assertThat(c.lastCause()).startsWith("adopted");
        assertThat(reporter.events).isEmpty();
        assertThat(new DesiredPowerStore(stateDir).load()).contains(true);
    }

    @Test
    void railFoundOffWithAlwaysOnIsSwitchedOn() {
        PowerController c = started(RestorePolicy.ALWAYS_ON);

        assertThat(rail.on).isTrue();
        assertThat(c.isOn()).isTrue();
        assertThat(reporter.events).extracting(RecordingReporter.Event::kind, RecordingReporter.Event::cause)
                .containsExactly(tuple("power.on", "restore policy always-on"));
        assertThat(stateChanges).contains("restore policy always-on");
    }

    @Test
    void railFoundOffWithAlwaysOffStaysOff() {
        PowerController c = started(RestorePolicy.ALWAYS_OFF);
        assertThat(rail.switches).isZero();
        assertThat(c.isOn()).isFalse();
        assertThat(c.lastCause()).isEqualTo("restore policy always-off");
    }

    @Test
    void lastStateRestoresWhatWasPersisted() {
        new DesiredPowerStore(stateDir).save(true);

        PowerController c = started(RestorePolicy.LAST_STATE);

        assertThat(rail.on).isTrue();
        assertThat(reporter.events).extracting(RecordingReporter.Event::kind, RecordingReporter.Event::cause)
                .containsExactly(tuple("power.on", "restore policy last-state"));
        assertThat(c.isOn()).isTrue();
    }

    @Test
    void lastStateKeepsAPersistedOffNodeOff() {
        new DesiredPowerStore(stateDir).save(false);
        started(RestorePolicy.LAST_STATE);
        assertThat(rail.switches).isZero();
        assertThat(reporter.events).isEmpty();
    }

    @Test
    void lastStateWithoutSavedStateDefaultsToOff() {
        PowerController c = started(RestorePolicy.LAST_STATE);
        assertThat(rail.switches).isZero();
        assertThat(c.desiredOn()).isFalse();
        assertThat(c.lastCause()).contains("no saved state");
    }

    @Test
    void requestsSwitchAndReportTheGivenCauseAndArePersisted() {
        rail.on = true;
        PowerController c = started(RestorePolicy.LAST_STATE);

        c.request(PowerAction.OFF, "command 1 from api");
        assertThat(rail.on).isFalse();
        assertThat(new DesiredPowerStore(stateDir).load()).contains(false);

        c.request(PowerAction.ON, "command 2 from cli");
        assertThat(rail.on).isTrue();
        assertThat(new DesiredPowerStore(stateDir).load()).contains(true);

        assertThat(reporter.events).extracting(RecordingReporter.Event::kind, RecordingReporter.Event::cause)
                .containsExactly(tuple("power.off", "command 1 from api"), tuple("power.on", "command 2 from cli"));
        assertThat(stateChanges).contains("command 1 from api", "command 2 from cli");
    }

    @Test
    void requestingTheCurrentStateDoesNothing() {
        rail.on = true;
        PowerController c = started(RestorePolicy.LAST_STATE);
        c.request(PowerAction.ON, "command 1");
        assertThat(rail.switches).isZero();
        assertThat(reporter.events).isEmpty();
    }

    @Test
    void cycleStaysOffForTheOffTimeInVirtualTimeThenComesBackOn() {
        rail.on = true;
        PowerController c = started(RestorePolicy.LAST_STATE);

        c.request(PowerAction.CYCLE, "command 7");
        assertThat(rail.on).isFalse();

        scheduler.advance(Duration.ofMillis(4999));
        assertThat(rail.on).as("still within the 5 s off time").isFalse();

        scheduler.advance(Duration.ofMillis(1));
        assertThat(rail.on).isTrue();
        assertThat(c.isOn()).isTrue();
        assertThat(reporter.events).extracting(RecordingReporter.Event::kind, RecordingReporter.Event::cause)
                .containsExactly(
                        tuple("power.off", "command 7 (cycle: off)"),
                        tuple("power.on", "command 7 (cycle: on after 5s)"));
    }

    @Test
    void commandDuringACycleCancelsThePendingOn() {
        rail.on = true;
        PowerController c = started(RestorePolicy.LAST_STATE);
        c.request(PowerAction.CYCLE, "command 7");
        scheduler.advance(Duration.ofSeconds(2));

        c.request(PowerAction.OFF, "command 8");
        scheduler.advance(Duration.ofSeconds(60));

        assertThat(rail.on).isFalse();
        assertThat(reporter.eventKinds()).containsExactly("power.off");
        assertThat(c.lastCause()).isEqualTo("command 8");
    }

    @Test
    void onDuringACycleSwitchesOnAtOnceAndOnlyOnce() {
        rail.on = true;
        PowerController c = started(RestorePolicy.LAST_STATE);
        c.request(PowerAction.CYCLE, "command 7");
        scheduler.advance(Duration.ofSeconds(1));

        c.request(PowerAction.ON, "command 9");
        assertThat(rail.on).isTrue();
        scheduler.advance(Duration.ofSeconds(60));

        assertThat(reporter.events).extracting(RecordingReporter.Event::kind, RecordingReporter.Event::cause)
                .containsExactly(tuple("power.off", "command 7 (cycle: off)"), tuple("power.on", "command 9"));
    }

    @Test
    void reconcileReportsAnOutsideChangeThenCorrectsIt() {
        rail.on = true;
        PowerController c = started(RestorePolicy.LAST_STATE);

        rail.on = false; // someone pulled the enable line
        c.reconcile();

        assertThat(reporter.events).extracting(RecordingReporter.Event::kind, RecordingReporter.Event::cause)
                .containsExactly(
                        tuple("power.off", "observed on the enable line"),
                        tuple("power.on", "adopted: rail was on when the agent started"));
        assertThat(reporter.events.get(0).message()).contains("outside the BMC");
        assertThat(rail.on).isTrue();
        assertThat(stateChanges).contains("observed on the enable line");

        c.reconcile();
        assertThat(reporter.events).hasSize(2);
    }

    @Test
    void aRailThatDoesNotFollowIsReportedAsFailed() {
        PowerSwitch stuck = new PowerSwitch() {
            @Override
            public boolean isOn() {
                return false;
            }

            @Override
            public void set(boolean on) {}
        };
        PowerController c = PowerFixtures.controller(stuck, Optional.empty(), PowerConfig.withPolicy(RestorePolicy.ALWAYS_ON),
                scheduler, reporter, stateDir, stateChanges::add);
        c.start();

        assertThat(reporter.events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("power.failed");
            assertThat(e.cause()).isEqualTo("restore policy always-on");
        });
        assertThat(c.isOn()).isFalse();
    }

    @Test
    void cycleInterruptedByAnAgentRestartStillEndsOn() {
        rail.on = true;
        started(RestorePolicy.LAST_STATE).request(PowerAction.CYCLE, "command 7");
        assertThat(rail.on).isFalse();

        // the agent dies during the off phase; a new one starts on the same state directory
        PowerController restarted = started(RestorePolicy.LAST_STATE);

        assertThat(restarted.desiredOn()).isTrue();
        assertThat(rail.on).isTrue();
    }
}
