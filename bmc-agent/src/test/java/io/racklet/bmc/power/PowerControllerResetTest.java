package io.racklet.bmc.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.pi4j.context.Context;
import io.racklet.bmc.power.PowerControllerTest.FakeSwitch;
import io.racklet.bmc.report.RecordingReporter;
import io.racklet.bmc.report.RecordingReporter.Event;
import io.racklet.protocol.message.PowerAction;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.pi4j.SimPi4j;
import io.racklet.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reset action: a pulse on the reset line in virtual time, refused when it cannot make sense. */
class PowerControllerResetTest {
    @TempDir
    Path stateDir;

    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private final FakeSwitch rail = new FakeSwitch();
    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> stateChanges = new ArrayList<>();
    /** Every level the controller puts on the reset line, true = asserted. */
    private final List<Boolean> holds = new ArrayList<>();

    private static PowerConfig config(Duration resetPulse) {
        return PowerFixtures.config(true, 0, resetPulse, RestorePolicy.LAST_STATE);
    }

    private PowerController started(Optional<SignalLine> reset, PowerConfig config) {
        PowerController c = PowerFixtures.controller(rail, reset, config, scheduler, reporter, stateDir, stateChanges::add);
        c.start();
        return c;
    }

    @Test
    void withoutAResetLineResetIsRefusedAndTheRailUntouched() {
        rail.on = true;
        PowerController c = started(Optional.empty(), PowerConfig.DEFAULTS);

        c.request(PowerAction.RESET, "command 5");

        assertThat(reporter.events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("power.reset.refused");
            assertThat(e.message()).contains("power.resetLine");
            assertThat(e.cause()).isEqualTo("command 5");
        });
        assertThat(rail.switches).isZero();
        assertThat(rail.on).isTrue();
    }

    @Test
    void resetHoldsTheLineForThePulseInVirtualTimeThenReleasesIt() {
        rail.on = true;
        PowerController c = started(Optional.of(holds::add), config(Duration.ofMillis(500)));

        c.request(PowerAction.RESET, "command 5");
        assertThat(holds).containsExactly(true);
        assertThat(reporter.events).extracting(Event::kind, Event::cause).containsExactly(tuple("power.reset", "command 5"));
        assertThat(reporter.events.get(0).message()).contains("500ms");

        scheduler.advance(Duration.ofMillis(499));
        assertThat(holds).as("still held").containsExactly(true);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(holds).containsExactly(true, false);

        assertThat(rail.switches).as("reset does not touch the rail").isZero();
        assertThat(stateChanges).contains("command 5 (reset)");
    }

    @Test
    void theConfiguredPulseLengthIsUsed() {
        rail.on = true;
        PowerController c = started(Optional.of(holds::add), config(Duration.ofSeconds(2)));
        c.request(PowerAction.RESET, "command 5");
        scheduler.advance(Duration.ofMillis(1999));
        assertThat(holds).containsExactly(true);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(holds).containsExactly(true, false);
    }

    @Test
    void resetWhileOffIsRefused() {
        PowerController c = started(Optional.of(holds::add), config(Duration.ofMillis(500)));

        c.request(PowerAction.RESET, "command 6");
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(holds).isEmpty();
        assertThat(reporter.events).extracting(Event::kind, Event::cause)
                .containsExactly(tuple("power.reset.refused", "command 6"));
        assertThat(reporter.events.get(0).message()).contains("off");
        assertThat(rail.on).isFalse();
    }

    @Test
    void resetThroughPi4jRestartsTheSimulatedNode() {
        SimRack rack = new SimRack(scheduler).addNode("node-1", BmcWiring.DEFAULT, 1);
        Context ctx = SimPi4j.context(rack.board("node-1"));
        try {
            PowerConfig config = config(Duration.ofMillis(500));
            PowerController c = PowerFixtures.controller(GpioLines.enable(ctx, config),
                    Optional.of(GpioLines.reset(ctx, config)), config, scheduler, reporter,
                    stateDir, stateChanges::add);
            c.request(PowerAction.ON, "command 1");
            Instant bootedAt = rack.node("node-1").poweredOnAt();
            scheduler.advance(Duration.ofSeconds(30));

            c.request(PowerAction.RESET, "command 2");
            assertThat(rack.board("node-1").readLine(27)).as("active-low: asserted is low").isFalse();
            assertThat(rack.node("node-1").poweredOnAt()).isEqualTo(bootedAt.plusSeconds(30));

            scheduler.advance(Duration.ofMillis(500));
            assertThat(rack.board("node-1").readLine(27)).as("released").isTrue();
            assertThat(rack.node("node-1").powered()).isTrue();
            assertThat(c.isOn()).isTrue();
        } finally {
            ctx.shutdown();
        }
    }
}
