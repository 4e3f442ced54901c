package io.racklet.tests.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.racklet.config.ConfigException;
import io.racklet.sync.SyncConfig;
import io.racklet.sync.verify.PinnedKeys;
import io.racklet.sync.verify.TrustedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The admin keys an agent pins: git's allowed_signers file, SSH public key lines (also from the
 * spec's User resources) and armoured OpenPGP keys.
 */
class SignerKeysFuzzTest {
    private static final Path FILE = tempFile();

    /** The allowed_signers file named in an agent's sync.trust, read as the agent reads it. */
    @FuzzTest(maxDuration = "10m")
    void allowedSigners(byte[] data) throws IOException {
        Files.write(FILE, data);
        Rejection.onlyWith(ConfigException.class,
                () -> PinnedKeys.load(new SyncConfig.Trust(FILE, null, null, null)));
    }

    /**
     * A key line as text; or, after a leading '1', the key blob itself behind a valid type and base64
     * (the JDK's base64 decoder gives the fuzzer no coverage to find its way into the blob).
     */
    @FuzzTest(maxDuration = "10m")
    void sshKey(byte[] data) {
        String line = data.length > 0 && data[0] == '1'
                ? "ssh-ed25519 " + Base64.getEncoder().encodeToString(FuzzInput.body(data))
                : FuzzInput.text(data);
        Rejection.onlyWith(IllegalArgumentException.class, () -> TrustedKey.ssh("admin", line, null));
    }

    @FuzzTest(maxDuration = "10m")
    void openpgpKey(byte[] data) {
        Rejection.onlyWith(IllegalArgumentException.class, () -> TrustedKey.openpgp("admin", FuzzInput.text(data), null));
    }

    private static Path tempFile() {
        try {
            Path p = Files.createTempFile("racklet-fuzz-allowed_signers", "");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
