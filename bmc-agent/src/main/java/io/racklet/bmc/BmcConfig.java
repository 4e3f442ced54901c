package io.racklet.bmc;

import io.racklet.bmc.boot.BootConfig;
import io.racklet.bmc.console.ConsoleConfig;
import io.racklet.bmc.energy.MonitorConfig;
import io.racklet.bmc.thermal.ThermometerConfig;
import io.racklet.bmc.power.PowerConfig;
import io.racklet.mqtt.MqttSettings;
import io.racklet.protocol.topic.Topics;
import io.racklet.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A BMC agent's configuration file ({@code /etc/racklet/bmc.yaml} on a Pi).
 *
 * @param rack              the rack's name
 * @param node              the node this BMC manages
 * @param mqtt              how to reach the broker
 * @param power             the node's enable line and power policies
 * @param monitor           the node's power monitor on I2C
 * @param console           the node's serial console (optional)
 * @param thermometer       the thermometer beside the node (optional)
 * @param telemetryInterval how often telemetry is published (default 1s)
 * @param stateDir          where the agent keeps what must survive restarts
 * @param sync              the signed rack repository this node follows (optional)
 * @param boot              the node's verified network boot endpoint (optional; needed for boot profiles)
 */
public record BmcConfig(
        String rack, String node, MqttSettings mqtt, PowerConfig power, MonitorConfig monitor, ConsoleConfig console, ThermometerConfig thermometer,
        Duration telemetryInterval, Path stateDir, SyncConfig sync, BootConfig boot) {

    public BmcConfig {
        Topics.requireName("rack", rack);
        Topics.requireName("node", node);
        if (Topics.isReserved(node)) {
            throw new IllegalArgumentException("'" + node + "' is reserved and cannot name a node");
        }
        if (mqtt == null) throw new IllegalArgumentException("field 'mqtt': missing (required, e.g. mqtt: {url: \"tcp://127.0.0.1:1883\"})");
        if (power == null) power = PowerConfig.DEFAULTS;
        if (monitor == null) monitor = MonitorConfig.DEFAULTS;
        if (console == null) console = ConsoleConfig.NONE;
        if (telemetryInterval == null) telemetryInterval = Duration.ofSeconds(1);
        if (telemetryInterval.toMillis() < 10) throw new IllegalArgumentException("telemetryInterval must be at least 10ms");
        if (stateDir == null) stateDir = Path.of("/var/lib/racklet/bmc");
    }
}
