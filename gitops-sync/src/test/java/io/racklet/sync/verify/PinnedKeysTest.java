package io.racklet.sync.verify;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racklet.config.ConfigException;
import io.racklet.sync.SyncConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed pinned keys the fuzz targets (tests/.../fuzz) found: each is a clear error, not a crash. */
class PinnedKeysTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOalGhw9qin+k03v953XHaleeI9ipBZCqnjaZSnvM/7z";

    @TempDir
    Path dir;

    @Test
    void validBeforeThatIsNoDateNamesLineAndValue() throws Exception {
        for (String value : List.of("2030", "20301341", "20300ssh")) {
            Path file = Files.writeString(dir.resolve("allowed_signers"), "# admins\nalice valid-before=\"" + value + "\" " + KEY + "\n");
            assertThatThrownBy(() -> PinnedKeys.load(new SyncConfig.Trust(file, null, null, null)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(file + ":2: valid-before '" + value + "' is not a date (YYYYMMDD)");
        }
    }

    @Test
    void sshKeyBlobClaimingMoreThanItHoldsIsNoKey() {
        byte[] blob = ByteBuffer.allocate(15).putInt(Integer.MAX_VALUE).put("ssh-ed25519".getBytes(StandardCharsets.US_ASCII)).array();
        assertThatThrownBy(() -> TrustedKey.ssh("alice", "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SSH key of alice is not a key blob");
    }

    @Test
    void openPgpKeyBouncyCastleCannotReadIsAClearError() {
        // a public key packet (tag 6, one-byte length) of version 176, which no OpenPGP version has
        byte[] packet = {(byte) 0x99, 0, 4, (byte) 176, 0, 0, 0};
        String armoured = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + Base64.getEncoder().encodeToString(packet)
                + "\n-----END PGP PUBLIC KEY BLOCK-----\n";
        assertThatThrownBy(() -> TrustedKey.openpgp("alice", armoured, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the OpenPGP key of alice cannot be read: ");
    }
}
