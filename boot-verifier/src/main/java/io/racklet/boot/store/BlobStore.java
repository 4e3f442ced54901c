package io.racklet.boot.store;

import io.racklet.boot.BootRefusedException;
import io.racklet.boot.Refusal;
import io.racklet.boot.Sha256;
import io.racklet.boot.manifest.Artifact;
import io.racklet.boot.manifest.ArtifactRole;
import io.racklet.boot.manifest.ManifestCodec;
import io.racklet.boot.manifest.SignedManifest;
import io.racklet.boot.verify.ArtifactVerifier;
import io.racklet.boot.verify.KnownArtifact;
import io.racklet.state.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * The BMC's content-addressed store of boot artifacts: {@code blobs/<sha256>} holds only bytes
 * whose digest and length were checked, {@code partial/<sha256>} downloads in progress (resumed
 * with HTTP Range), {@code manifests/<name>.json} the manifests the node keeps. Garbage
 * collection removes every blob and partial download no kept manifest references.
 */
public final class BlobStore implements AutoCloseable {
    private static final int HASH_CHUNK = 1 << 20;
    private final Path blobs, partial, manifests;
    private final Download download;
    private final ScheduledExecutorService watchdog;

    /** Timeouts suited to a BMC on a LAN: 30 s without progress, 15 min in all per artifact. */
    public BlobStore(Path root, HttpClient http) {
        this(root, http, Duration.ofSeconds(30), Duration.ofMinutes(15));
    }

    public BlobStore(Path root, HttpClient http, Duration idleTimeout, Duration deadline) {
        this.blobs = root.resolve("blobs");
        this.partial = root.resolve("partial");
        this.manifests = root.resolve("manifests");
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(partial);
            Files.createDirectories(manifests);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob store at " + root, e);
        }
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "boot-fetch-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.download = new Download(http, watchdog, idleTimeout, deadline);
    }

    /** The verified blob for {@code a}, if the store has it. */
    public Optional<Path> blob(Artifact a) {
        Path p = blobs.resolve(a.sha256());
        try {
            return Files.isRegularFile(p) && Files.size(p) == a.length() ? Optional.of(p) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The blob for {@code a}, fetched from {@code url} unless present, checked before it enters
     * the store. A blob that fails its check is deleted.
     *
     * @param others what the bytes may be instead: named in a {@link Refusal.Reason#MIXED_ARTIFACTS} refusal
     */
    public Path fetch(URI url, ArtifactRole role, Artifact a, List<KnownArtifact> others) throws BootRefusedException {
        Optional<Path> have = blob(a);
        if (have.isPresent()) return have.get();
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new BootRefusedException(Refusal.Reason.FETCH_FAILED, role.label() + ": only http and https URLs are fetched, not " + url);
        }
        Path part = partial.resolve(a.sha256());
        download.fetch(url, role.label(), part, a.length());
        return commit(part, role, a, others);
    }

    /** Adds a blob from a local stream (e.g. an admin's file), reading at most its declared length. */
    public Path put(InputStream in, ArtifactRole role, Artifact a, List<KnownArtifact> others) throws BootRefusedException, IOException {
        Optional<Path> have = blob(a);
        if (have.isPresent()) return have.get();
        Path part = partial.resolve(a.sha256());
        try (var out = Files.newOutputStream(part)) {
            long copied = 0;
            byte[] buf = new byte[HASH_CHUNK];
            while (copied < a.length()) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, a.length() - copied));
                if (n < 0) break;
                out.write(buf, 0, n);
                copied += n;
            }
            if (copied < a.length()) {
                Files.delete(part);
                throw new BootRefusedException(Refusal.Reason.LENGTH_MISMATCH, role.label() + " has " + copied
                        + " bytes, the manifest declares " + a.length());
            }
        }
        return commit(part, role, a, others);
    }

    private Path commit(Path part, ArtifactRole role, Artifact a, List<KnownArtifact> others) throws BootRefusedException {
        try {
            String actual = hash(part, a.length());
            if (!actual.equals(a.sha256())) {
                Files.deleteIfExists(part);
                throw ArtifactVerifier.mismatch(role, a, actual, others);
            }
            Path target = blobs.resolve(a.sha256());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new BootRefusedException(new Refusal(Refusal.Reason.FETCH_FAILED, role.label() + ": cannot store blob: " + e.getMessage()), e);
        }
    }

    private static String hash(Path file, long length) throws IOException {
        MessageDigest md = Sha256.digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[HASH_CHUNK];
            long done = 0;
            while (done < length) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, length - done));
                if (n < 0) break;
                md.update(buf, 0, n);
                done += n;
            }
        }
        return Sha256.hex(md);
    }

    /** Keeps {@code m} (replacing the kept manifest of the same name): its blobs survive garbage collection. */
    public void retain(SignedManifest m) throws IOException {
        AtomicFile.write(manifests.resolve(m.signed().name() + ".json"), ManifestCodec.encode(m));
    }

    /** Stops keeping the manifest of {@code name}; its blobs go at the next collection. */
    public void release(String name) throws IOException {
        Files.deleteIfExists(manifests.resolve(name + ".json"));
    }

    /** The kept manifests. They were verified when kept; an unreadable one is skipped (and keeps nothing). */
    public List<SignedManifest> retained() {
        List<SignedManifest> l = new ArrayList<>();
        try (Stream<Path> files = Files.list(manifests)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    l.add(ManifestCodec.decode(Files.readAllBytes(f)));
                } catch (BootRefusedException | IOException e) {
                    // not ours to keep: collection then frees its blobs
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return l;
    }

    /** What a collection removed. */
    public record Collected(List<String> removed, long bytesFreed) {}

    /** Deletes every blob and partial download that no kept manifest references. */
    public synchronized Collected gc() throws IOException {
        Set<String> referenced = new HashSet<>();
        for (SignedManifest m : retained()) {
            for (ArtifactRole r : ArtifactRole.values()) referenced.add(r.of(m.signed()).sha256());
        }
        List<String> removed = new ArrayList<>();
        long freed = 0;
        for (Path dir : List.of(blobs, partial)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (!referenced.contains(name)) {
                        freed += Files.size(f);
                        Files.delete(f);
                        removed.add(dir.getFileName() + "/" + name);
                    }
                }
            }
        }
        return new Collected(removed, freed);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
