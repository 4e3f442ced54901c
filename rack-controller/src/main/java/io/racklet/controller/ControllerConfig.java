package io.racklet.controller;

import io.racklet.mqtt.MqttSettings;
import io.racklet.protocol.topic.Topics;
import io.racklet.sync.SyncConfig;
import java.nio.file.Path;

/**
 * The controller's configuration file.
 *
 * @param rack     the rack's name
 * @param http     where the API and dashboard listen
 * @param mqtt     an external broker (e.g. Mosquitto); leave out to run the embedded one
 * @param broker   where the embedded broker listens (ignored when {@code mqtt} is set)
 * @param rackSpec the rack spec file or folder listing the rack's nodes (optional)
 * @param stateDir where the controller keeps its state (the history database among it)
 * @param history  how long telemetry history is kept
 * @param sync     the signed rack repository, verified by the controller too (for display and its node list)
 */
public record ControllerConfig(String rack, Listen http, MqttSettings mqtt, Listen broker, Path rackSpec, Path stateDir,
        History history, SyncConfig sync) {

    public ControllerConfig {
        Topics.requireName("rack", rack);
        if (http == null) http = new Listen("127.0.0.1", 8080);
        if (broker == null) broker = new Listen("127.0.0.1", 1883);
        if (stateDir == null) stateDir = Path.of("/var/lib/racklet/controller");
        if (history == null) history = new History(null, null);
    }

    public ControllerConfig(String rack, Listen http, MqttSettings mqtt, Listen broker, Path rackSpec, Path stateDir) {
        this(rack, http, mqtt, broker, rackSpec, stateDir, null, null);
    }

    /**
     * @param rawRetention    raw samples (one a second per node) are kept this long (default 24h)
     * @param rollupRetention minute rollups are kept this long (default 720h, 30 days)
     */
    public record History(java.time.Duration rawRetention, java.time.Duration rollupRetention) {
        public History {
            if (rawRetention == null) rawRetention = java.time.Duration.ofHours(24);
            if (rollupRetention == null) rollupRetention = java.time.Duration.ofDays(30);
        }
    }

    public boolean embeddedBroker() {
        return mqtt == null;
    }

    /** The broker the controller itself connects to. */
    public MqttSettings brokerSettings() {
        return embeddedBroker() ? MqttSettings.of("tcp://" + broker.host() + ":" + broker.port()) : mqtt;
    }

    /** A host and port to listen on. */
    public record Listen(String host, int port) {
        public Listen {
            if (host == null || host.isBlank()) host = "127.0.0.1";
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
    }
}
