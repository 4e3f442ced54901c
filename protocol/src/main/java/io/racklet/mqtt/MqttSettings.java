package io.racklet.mqtt;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach the broker. Part of every agent's and the controller's configuration file.
 *
 * @param url            broker URL: {@code ssl://host:port} with {@code tls}, or {@code tcp://host:port}
 * @param connectTimeout how long one connection attempt may take before it is abandoned
 * @param keepAlive      MQTT keep-alive; the broker publishes the last will after 1.5 times this
 * @param tls            the rack CA and this agent's certificate and key (PEM), for {@code ssl://}
 */
public record MqttSettings(String url, Duration connectTimeout, Duration keepAlive, Tls tls) {
    public MqttSettings {
        if (url == null || !(url.startsWith("tcp://") || url.startsWith("ssl://"))) {
            throw new IllegalArgumentException("'" + url + "' is not a broker URL (expected ssl://HOST:PORT or tcp://HOST:PORT)");
        }
        if (url.startsWith("ssl://") && tls == null) {
            throw new IllegalArgumentException("field 'mqtt.tls': required for " + url + " (ca, certificate, key)");
        }
        if (url.startsWith("tcp://") && tls != null) {
            throw new IllegalArgumentException("field 'mqtt.url': use ssl:// with tls, not " + url);
        }
        if (connectTimeout == null) connectTimeout = Duration.ofSeconds(5);
        if (keepAlive == null) keepAlive = Duration.ofSeconds(10);
    }

    public MqttSettings(String url, Duration connectTimeout, Duration keepAlive) {
        this(url, connectTimeout, keepAlive, null);
    }

    public static MqttSettings of(String url) {
        return new MqttSettings(url, null, null, null);
    }

    /**
     * @param ca          the rack CA's certificate: the only issuer the broker's certificate may have
     * @param certificate this client's certificate, issued by the rack CA (its CN is its MQTT identity)
     * @param key         this client's private key (PKCS#8 PEM)
     */
    public record Tls(Path ca, Path certificate, Path key) {
        public Tls {
            if (ca == null || certificate == null || key == null) {
                throw new IllegalArgumentException("field 'mqtt.tls': ca, certificate and key are all required");
            }
        }
    }
}
