package io.racklet.bmc.energy;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.json.Json;
import io.racklet.state.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The node's energy in Wh: integrated from samples, saved atomically before each value is
 * published, so what was published is never lost and the counter never goes back, even across
 * SIGKILL. A missing or unreadable file starts a new counter epoch at 0, reported as a reset.
 */
public final class EnergyCounter {
    private final Path file;
    private double wattHours;
    private String epoch;
    private String resetReason;

    public EnergyCounter(Path stateDir, Instant now) {
        this.file = stateDir.resolve("energy.json");
        load(now);
    }

    private void load(Instant now) {
        try {
            JsonNode n = Json.json().readTree(Files.readString(file));
            double wh = n.path("wattHours").asDouble(-1);
            String ep = n.path("epoch").asText("");
            if (wh < 0 || !Double.isFinite(wh) || ep.isEmpty()) {
                throw new IOException("missing or negative fields");
            }
            wattHours = wh;
            epoch = ep;
        } catch (NoSuchFileException e) {
            startEpoch(now, "no saved counter: starting at 0 Wh");
        } catch (IOException | RuntimeException e) {
            startEpoch(now, "saved counter " + file + " unreadable (" + e.getMessage() + "): starting at 0 Wh");
        }
    }

    private void startEpoch(Instant now, String reason) {
        wattHours = 0;
        epoch = now + "/" + UUID.randomUUID().toString().substring(0, 8);
        resetReason = reason;
    }

    /** Why the counter started from zero at load, or null if it continued a saved one. Read once. */
    public String takeResetReason() {
        String r = resetReason;
        resetReason = null;
        return r;
    }

    public void add(double watts, double seconds) {
        if (watts > 0 && seconds > 0) {
            wattHours += watts * seconds / 3600.0;
        }
    }

    public double wattHours() {
        return wattHours;
    }

    /** Identifies this counter's run from zero; a change means consumers must treat it as a reset. */
    public String epoch() {
        return epoch;
    }

    public void save() throws IOException {
        AtomicFile.write(file, Json.json().writeValueAsBytes(Map.of("wattHours", wattHours, "epoch", epoch)));
    }
}
