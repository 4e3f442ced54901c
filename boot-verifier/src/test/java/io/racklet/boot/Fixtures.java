package io.racklet.boot;

import io.racklet.boot.keys.SigningKey;
import io.racklet.boot.manifest.Artifact;
import io.racklet.boot.manifest.BootManifest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;

/** Real Ed25519 keys and artifact bytes for the tests. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {}

    public static SigningKey key() {
        return SigningKey.generate(RANDOM);
    }

    public static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    public static Artifact artifact(byte[] content) {
        return new Artifact(Sha256.hex(content), content.length);
    }

    public static BootManifest manifest(String name, long version, byte[] kernel, byte[] initramfs, String cmdline) {
        return BootManifest.of(name, version, NOW.plusSeconds(86400), artifact(kernel), artifact(initramfs), cmdline);
    }
}
