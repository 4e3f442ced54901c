package io.racklet.bmc.power;

import io.racklet.bmc.report.NodeReporter;
import io.racklet.time.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Power configurations and controllers for tests, built in one place so a new parameter is one edit here. */
final class PowerFixtures {
    private PowerFixtures() {}

    /** Enable line 17 and reset line 27 (the simulator's default wiring), no shutdown line. */
    static PowerConfig config(boolean activeHigh, int chipOffset, Duration resetPulse, RestorePolicy policy) {
        return new PowerConfig(17, activeHigh, chipOffset, 27, true, resetPulse, null, null, null, null, null, policy, null);
    }

    /**
     * A controller with no shutdown line, whose rack has announced that it has no power budget (so
     * its gate is open), keeping its state in {@code stateDir}.
     */
    static PowerController controller(PowerSwitch rail, Optional<SignalLine> reset, PowerConfig config,
            Scheduler scheduler, NodeReporter reporter, Path stateDir, Consumer<String> onStateChange) {
        PowerGate openGate = new PowerGate("node-1", config, scheduler, request -> {
            throw new AssertionError("no budget was announced: nothing to ask for");
        }, reporter, stateDir);
        openGate.budget(null);
        return new PowerController(rail, reset, Optional.empty(), openGate, config, scheduler, reporter,
                new DesiredPowerStore(stateDir), onStateChange);
    }
}
