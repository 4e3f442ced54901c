package io.racklet.rmc;

import io.racklet.mqtt.MqttSettings;
import io.racklet.protocol.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The RMC agent's configuration file ({@code /etc/racklet/rmc.yaml} on a Pi).
 *
 * @param rack              the rack's name
 * @param mqtt              how to reach the broker
 * @param telemetryInterval how often rack telemetry is published (default 1s)
 * @param staleAfter        a node's power counts in the rack sum only this long after its last sample (default 5s)
 * @param stateDir          where the agent keeps what must survive restarts
 */
public record RmcConfig(String rack, MqttSettings mqtt, Duration telemetryInterval, Duration staleAfter, Path stateDir) {
    public RmcConfig {
        Topics.requireName("rack", rack);
        if (mqtt == null) throw new IllegalArgumentException("field 'mqtt': missing (required, e.g. mqtt: {url: \"tcp://127.0.0.1:1883\"})");
        if (telemetryInterval == null) telemetryInterval = Duration.ofSeconds(1);
        if (staleAfter == null) staleAfter = Duration.ofSeconds(5);
        if (stateDir == null) stateDir = Path.of("/var/lib/racklet/rmc");
    }
}
