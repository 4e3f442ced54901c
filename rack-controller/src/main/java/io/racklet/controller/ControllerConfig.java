package io.racklet.controller;

import io.racklet.mqtt.MqttSettings;
import io.racklet.protocol.topic.Topics;
import java.nio.file.Path;

/**
 * The controller's configuration file.
 *
 * @param rack     the rack's name
 * @param http     where the API and dashboard listen
 * @param mqtt     an external broker (e.g. Mosquitto); leave out to run the embedded one
 * @param broker   where the embedded broker listens (ignored when {@code mqtt} is set)
 * @param rackSpec the rack spec file or folder listing the rack's nodes (optional)
 * @param stateDir where the controller keeps its state
 */
public record ControllerConfig(String rack, Listen http, MqttSettings mqtt, Listen broker, Path rackSpec, Path stateDir) {

    public ControllerConfig {
        Topics.requireName("rack", rack);
        if (http == null) http = new Listen("127.0.0.1", 8080);
        if (broker == null) broker = new Listen("127.0.0.1", 1883);
        if (stateDir == null) stateDir = Path.of("/var/lib/racklet/controller");
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
