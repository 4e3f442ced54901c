package io.racklet.boot.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.racklet.boot.BootRefusedException;
import io.racklet.boot.Refusal;
import io.racklet.boot.manifest.BootManifest;
import io.racklet.boot.manifest.ManifestCodec;
import io.racklet.json.Json;
import io.racklet.state.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The last manifest a node verified, per profile name, persisted atomically (one small JSON file
 * per name under the node's state folder). A manifest below that version is a rollback; one at the
 * same version with other content is too (a version is never re-used).
 */
public final class RollbackFloor {
    private static final ObjectMapper JSON = Json.json();
    private final Path dir;

    /** What was last verified. */
    public record Verified(String name, long version, String manifestId, Instant verifiedAt) {}

    public RollbackFloor(Path dir) {
        this.dir = dir;
    }

    private Path file(String name) {
        return dir.resolve(name + ".json");
    }

    /** The last verified manifest of {@code name}, or null if none was. */
    public Verified last(String name) {
        Path f = file(name);
        if (!Files.exists(f)) return null;
        try {
            return JSON.readValue(f.toFile(), Verified.class);
        } catch (IOException e) {
            // a floor we cannot read must not silently become "no floor": that would allow any rollback
            throw new UncheckedIOException("rollback state " + f + " is unreadable; restore or delete it deliberately", e);
        }
    }

    public void check(BootManifest m) throws BootRefusedException {
        Verified last = last(m.name());
        if (last == null) return;
        if (m.version() < last.version()) {
            throw new BootRefusedException(Refusal.Reason.ROLLBACK, "manifest '" + m.name() + "' version " + m.version()
                    + " is older than version " + last.version() + " this node verified at " + last.verifiedAt());
        }
        if (m.version() == last.version() && !ManifestCodec.id(m).equals(last.manifestId())) {
            throw new BootRefusedException(Refusal.Reason.ROLLBACK, "manifest '" + m.name() + "' version " + m.version()
                    + " was verified before with other content (id " + last.manifestId().substring(0, 16) + "): a version is never re-used");
        }
    }

    /** Raises the floor to {@code m}; called once everything about it has verified. */
    public void record(BootManifest m, Instant at) throws IOException {
        Verified last = last(m.name());
        if (last != null && last.version() > m.version()) return;
        AtomicFile.write(file(m.name()), JSON.writeValueAsBytes(new Verified(m.name(), m.version(), ManifestCodec.id(m), at)));
    }
}
