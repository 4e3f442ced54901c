package io.racklet.cli.demo;

import java.nio.file.Path;

/**
 * What to run: {@code nodes} BMCs with simulated hardware, an RMC and the controller.
 *
 * @param httpPort controller API and dashboard
 * @param mqttPort the embedded broker
 * @param stateDir configs, logs, agent state and the simulated world's socket
 * @param budgetWatts the rack's power budget, null for none
 */
public record DemoOptions(int nodes, int httpPort, int mqttPort, Path stateDir, Double budgetWatts) {
    public DemoOptions {
        if (nodes < 1 || nodes > 64) throw new IllegalArgumentException("--nodes must be 1-64, got " + nodes);
        if (budgetWatts != null && budgetWatts <= 0) throw new IllegalArgumentException("--budget-watts must be positive");
        stateDir = stateDir.toAbsolutePath().normalize();
    }

    public DemoOptions(int nodes, int httpPort, int mqttPort, Path stateDir) {
        this(nodes, httpPort, mqttPort, stateDir, null);
    }
}
