package io.racklet.cli.demo;

import java.nio.file.Path;

/**
 * What to run: {@code nodes} BMCs with simulated hardware, an RMC and the controller.
 *
 * @param httpPort controller API and dashboard
 * @param mqttPort the embedded broker
 * @param stateDir configs, logs, agent state and the simulated world's socket
 * @param budgetWatts the rack's power budget, null for none
 * @param qemu        how many of the nodes (the first ones) are QEMU machines booting a verified image
 * @param mirrorPort  where the QEMU nodes' boot mirror listens (0: any free port)
 */
public record DemoOptions(int nodes, int httpPort, int mqttPort, Path stateDir, Double budgetWatts, int qemu, int mirrorPort) {
    public DemoOptions {
        if (nodes < 1 || nodes > 64) throw new IllegalArgumentException("--nodes must be 1-64, got " + nodes);
        if (qemu < 0 || qemu > nodes) throw new IllegalArgumentException("--qemu must be 0 to the number of nodes (" + nodes + "), got " + qemu);
        if (budgetWatts != null && budgetWatts <= 0) throw new IllegalArgumentException("--budget-watts must be positive");
        stateDir = stateDir.toAbsolutePath().normalize();
    }

    public DemoOptions(int nodes, int httpPort, int mqttPort, Path stateDir) {
        this(nodes, httpPort, mqttPort, stateDir, null);
    }

    public DemoOptions(int nodes, int httpPort, int mqttPort, Path stateDir, Double budgetWatts) {
        this(nodes, httpPort, mqttPort, stateDir, budgetWatts, 0, 0);
    }
}
