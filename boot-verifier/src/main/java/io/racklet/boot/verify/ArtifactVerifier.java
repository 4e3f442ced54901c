package io.racklet.boot.verify;

import io.racklet.boot.BootRefusedException;
import io.racklet.boot.Refusal;
import io.racklet.boot.Sha256;
import io.racklet.boot.manifest.Artifact;
import io.racklet.boot.manifest.ArtifactRole;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Checks an artifact's bytes against the manifest: exact length, then sha256. Never reads past a
 * length some verified manifest declared: a file longer than declared is refused from its size alone.
 */
public final class ArtifactVerifier {
    private static final int CHUNK = 1 << 20;

    private ArtifactVerifier() {}

    /** Told how far verification has come, for progress bars. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = bytes -> {};

        void advanced(long bytesSoFar);
    }

    /**
     * @param others artifacts this file might be instead (other roles, other manifests): a match is
     *               refused as {@link Refusal.Reason#MIXED_ARTIFACTS} rather than a plain mismatch
     */
    public static void verifyFile(ArtifactRole role, Artifact expected, Path file, List<KnownArtifact> others, Progress progress)
            throws BootRefusedException, IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size != expected.length()) {
                // only a length another verified manifest declared may bound a read of it
                for (KnownArtifact k : others) {
                    if (k.artifact().length() == size && k.artifact().sha256().equals(hash(ch, size, Progress.NONE))) {
                        throw mixed(role, k);
                    }
                }
                throw new BootRefusedException(Refusal.Reason.LENGTH_MISMATCH, role.label() + " " + file + " has " + size
                        + " bytes, the manifest declares " + expected.length());
            }
            String actual = hash(ch, size, progress);
            if (actual.equals(expected.sha256())) return;
            throw mismatch(role, expected, actual, others);
        }
    }

    /** What a manifest declares for {@code file}: its sha256 and length (for signing). */
    public static Artifact measure(Path file, Progress progress) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 1 || size > Artifact.MAX_LENGTH) throw new IOException(file + " has " + size + " bytes: not a boot artifact");
            return new Artifact(hash(ch, size, progress), size);
        }
    }

    /** The refusal for bytes of the right length whose digest is {@code actual}. */
    public static BootRefusedException mismatch(ArtifactRole role, Artifact expected, String actual, List<KnownArtifact> others) {
        Optional<KnownArtifact> same = others.stream()
                .filter(k -> k.artifact().sha256().equals(actual) && k.artifact().length() == expected.length()).findFirst();
        if (same.isPresent()) return mixed(role, same.get());
        return new BootRefusedException(Refusal.Reason.DIGEST_MISMATCH, role.label() + " sha256 is " + actual
                + ", the manifest declares " + expected.sha256());
    }

    private static BootRefusedException mixed(ArtifactRole role, KnownArtifact k) {
        return new BootRefusedException(Refusal.Reason.MIXED_ARTIFACTS, "the " + role.label() + " given is " + k.description()
                + ": artifacts of different manifests are never booted together");
    }

    private static String hash(FileChannel ch, long length, Progress progress) throws IOException {
        MessageDigest md = Sha256.digest();
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
        long done = 0;
        ch.position(0);
        while (done < length) {
            buf.clear();
            buf.limit((int) Math.min(CHUNK, length - done));
            int n = ch.read(buf);
            if (n < 0) break;
            buf.flip();
            md.update(buf);
            done += n;
            progress.advanced(done);
        }
        return Sha256.hex(md);
    }
}
