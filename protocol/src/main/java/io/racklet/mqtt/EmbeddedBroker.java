package io.racklet.mqtt;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Moquette as the rack's default broker, started by the controller. Bound to one address
 * (loopback by default), with Moquette's telemetry off: it would otherwise call out to the
 * internet. Messages are flushed at once, since telemetry latency matters more than batching.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Server server = new Server();
    private final String host;
    private final int port;

    private EmbeddedBroker(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static EmbeddedBroker start(String host, int port) {
        EmbeddedBroker b = new EmbeddedBroker(host, port);
        Properties p = new Properties();
        p.setProperty(BrokerConstants.HOST_PROPERTY_NAME, host);
        p.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        // mosquitto_sub 2.x and other tools connect with an empty client id and a clean session
        p.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "true");
        p.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.BUFFER_FLUSH_MS_PROPERTY_NAME, Integer.toString(BrokerConstants.IMMEDIATE_BUFFER_FLUSH));
        p.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(256 * 1024));
        // Moquette's websocket listener is off unless a port is set; keep it that way
        try {
            b.server.startServer(new MemoryConfig(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded MQTT broker on " + host + ":" + port, e);
        }
        return b;
    }

    public String url() {
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
