package io.racklet.bmc.boot;

/**
 * The {@code boot:} section of a BMC's configuration: where the node's HTTP boot endpoint listens
 * (on a Pi, the BMC's address on its link to the node; in simulation, the loopback address).
 */
public record BootConfig(String host, Integer port) {
    public BootConfig {
        if (host == null || host.isBlank()) host = "127.0.0.1";
        if (port == null) port = 8067;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("field 'boot.port': must be 0-65535, got " + port);
    }
}
