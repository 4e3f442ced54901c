package io.racklet.bmc.console;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The node's serial console.
 *
 * @param device         the UART device, e.g. /dev/ttyAMA0 or /dev/serial0; leave out for no console
 * @param baud           line speed (default 115200, 8N1)
 * @param logMaxBytes    size of one console log file before it rotates (default 1 MiB; two files are kept)
 * @param readyMarker    text on the console that means the node has booted (default "racklet-node ready")
 * @param reopenInterval how often a missing or failed device is tried again (default 2s)
 */
public record ConsoleConfig(Path device, Integer baud, Long logMaxBytes, String readyMarker, Duration reopenInterval) {
    public static final ConsoleConfig NONE = new ConsoleConfig(null, null, null, null, null);

    public ConsoleConfig {
        if (baud == null) baud = 115200;
        if (logMaxBytes == null) logMaxBytes = 1024L * 1024;
        if (readyMarker == null) readyMarker = "racklet-node ready";
        if (reopenInterval == null) reopenInterval = Duration.ofSeconds(2);
        if (baud < 50 || baud > 4_000_000) throw new IllegalArgumentException("field 'console.baud': " + baud + " is not a UART speed");
        if (logMaxBytes < 4096) throw new IllegalArgumentException("field 'console.logMaxBytes': must be at least 4096");
        if (readyMarker.isEmpty()) throw new IllegalArgumentException("field 'console.readyMarker': must not be empty");
    }

    public boolean enabled() {
        return device != null;
    }
}
