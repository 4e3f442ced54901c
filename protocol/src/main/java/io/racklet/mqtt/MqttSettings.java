package io.racklet.mqtt;

import java.time.Duration;

/**
 * How to reach the broker. Part of every agent's and the controller's configuration file.
 *
 * @param url            broker URL, {@code tcp://host:port} (TLS with client certificates: later issue)
 * @param connectTimeout how long one connection attempt may take before it is abandoned
 * @param keepAlive      MQTT keep-alive; the broker publishes the last will after 1.5 times this
 */
public record MqttSettings(String url, Duration connectTimeout, Duration keepAlive) {
    public MqttSettings {
        if (url == null || !(url.startsWith("tcp://") || url.startsWith("ssl://"))) {
            throw new IllegalArgumentException("'" + url + "' is not a broker URL (expected tcp://HOST:PORT)");
        }
        if (connectTimeout == null) connectTimeout = Duration.ofSeconds(5);
        if (keepAlive == null) keepAlive = Duration.ofSeconds(10);
    }

    public static MqttSettings of(String url) {
        return new MqttSettings(url, null, null);
    }
}
