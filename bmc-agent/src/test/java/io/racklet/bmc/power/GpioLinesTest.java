package io.racklet.bmc.power;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.pi4j.SimPi4j;
import io.racklet.time.ManualScheduler;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The enable line through Pi4J on the simulated board: the agent must never toggle a running node by itself. */
class GpioLinesTest {
    private final SimRack rack = new SimRack(new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z")));
    private Context ctx;

    @AfterEach
    void shutdown() {
        if (ctx != null) ctx.shutdown();
    }

    private PowerSwitch enable(boolean activeHigh) {
        ctx = SimPi4j.context(rack.board("node-1"));
        PowerConfig config = PowerFixtures.config(activeHigh, 0, null, null);
        return GpioLines.enable(ctx, config);
    }

    @Test
    void startingAndStoppingTheAgentLeaveARunningNodeOn() {
        rack.addNode("node-1", BmcWiring.DEFAULT, 1);
        rack.board("node-1").writeLine(17, true);

        PowerSwitch rail = enable(true);
        assertThat(rail.isOn()).isTrue();

        ctx.shutdown();
        ctx = null;
        assertThat(rack.node("node-1").powered()).isTrue();
    }

    @Test
    void activeHighSwitching() {
        rack.addNode("node-1", BmcWiring.DEFAULT, 1);
        PowerSwitch rail = enable(true);
        assertThat(rail.isOn()).isFalse();

        rail.set(true);
        assertThat(rack.node("node-1").powered()).isTrue();
        assertThat(rack.board("node-1").readLine(17)).isTrue();

        rail.set(false);
        assertThat(rack.node("node-1").powered()).isFalse();
    }

    @Test
    void activeLowSwitchingAndReadBack() {
        rack.addNode("node-1", BmcWiring.DEFAULT.withEnableActiveHigh(false), 1);
        PowerSwitch rail = enable(false);
        assertThat(rail.isOn()).as("idle level keeps the rail off").isFalse();

        rail.set(true);
        assertThat(rack.board("node-1").readLine(17)).isFalse();
        assertThat(rack.node("node-1").powered()).isTrue();
        assertThat(rail.isOn()).isTrue();

        // the line changed behind the agent's back: isOn() reads it, not a cached value
        rack.board("node-1").writeLine(17, true);
        assertThat(rail.isOn()).isFalse();
    }
}
