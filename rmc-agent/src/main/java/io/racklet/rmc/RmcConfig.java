package io.racklet.rmc;

import io.racklet.mqtt.MqttSettings;
import io.racklet.protocol.topic.Topics;
import io.racklet.rmc.control.Failsafe;
import io.racklet.rmc.fan.FanConfig;
import io.racklet.rmc.thermal.SensorConfig;
import io.racklet.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The RMC agent's configuration file ({@code /etc/racklet/rmc.yaml} on a Pi).
 *
 * @param rack              the rack's name
 * @param mqtt              how to reach the broker
 * @param rackSpec          an unsigned local rack spec file or folder (power budget, fan policy), for benches without Git
 * @param fans              the fans on the RMC HAT
 * @param sensors           the rack temperature sensors
 * @param failsafe          fan duty per failsafe cause (the fan policy may override the first two)
 * @param telemetryInterval how often rack telemetry is published (default 1s)
 * @param staleAfter        a node's power counts in the rack sum only this long after its last sample (default 5s)
 * @param stateDir          where the agent keeps what must survive restarts
 * @param sync              the signed rack repository (budget, fan policy); takes the place of rackSpec
 */
public record RmcConfig(String rack, MqttSettings mqtt, Path rackSpec, List<FanConfig> fans, List<SensorConfig> sensors,
        Failsafe failsafe, Duration telemetryInterval, Duration staleAfter, Path stateDir, SyncConfig sync) {
    public RmcConfig {
        Topics.requireName("rack", rack);
        if (mqtt == null) throw new IllegalArgumentException("field 'mqtt': missing (required, e.g. mqtt: {url: \"tcp://127.0.0.1:1883\"})");
        fans = fans == null ? List.of() : List.copyOf(fans);
        sensors = sensors == null ? List.of() : List.copyOf(sensors);
        if (failsafe == null) failsafe = Failsafe.DEFAULTS;
        if (telemetryInterval == null) telemetryInterval = Duration.ofSeconds(1);
        if (staleAfter == null) staleAfter = Duration.ofSeconds(5);
        if (stateDir == null) stateDir = Path.of("/var/lib/racklet/rmc");
        if (sync != null && rackSpec != null) {
            throw new IllegalArgumentException("fields 'rackSpec' and 'sync': give one (a local spec file, or the signed rack repository)");
        }
        long distinct = fans.stream().map(FanConfig::name).distinct().count();
        if (distinct != fans.size()) throw new IllegalArgumentException("field 'fans': two fans share a name");
    }
}
