package io.racklet.bmc.power;

import io.racklet.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists the power state the BMC wants, for the last-state restore policy, atomically.
 */
public final class DesiredPowerStore {
    private static final Logger log = LoggerFactory.getLogger(DesiredPowerStore.class);
    private final Path file;
    private Boolean saved;

    public DesiredPowerStore(Path stateDir) {
        this.file = stateDir.resolve("desired-power");
    }

    public Optional<Boolean> load() {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            return switch (s) {
                case "on" -> Optional.of(true);
                case "off" -> Optional.of(false);
                default -> Optional.empty();
            };
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void save(boolean on) {
        if (saved != null && saved == on) return;
        try {
            AtomicFile.write(file, (on ? "on\n" : "off\n").getBytes(StandardCharsets.UTF_8));
            saved = on;
        } catch (IOException e) {
            // a full or failing disk must not stop power control: the node is still switched
            log.warn("cannot save desired power state to {}: {}", file, e.getMessage());
        }
    }
}
