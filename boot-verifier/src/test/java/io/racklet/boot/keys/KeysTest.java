package io.racklet.boot.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racklet.boot.Fixtures;
import io.racklet.boot.Sha256;
import io.racklet.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc8032TestVectorOne() {
        SigningKey k = SigningKey.fromSeed(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(HEX.formatHex(k.publicKey().raw())).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] sig = k.sign(new byte[0]);
        assertThat(HEX.formatHex(sig)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(k.publicKey().verifies(new byte[0], sig)).isTrue();
        assertThat(k.publicKey().verifies(new byte[] {0}, sig)).isFalse();
        assertThat(k.publicKey().id()).isEqualTo(Sha256.hex(k.publicKey().raw()));
    }

    @Test
    void keyFilesRoundTripAndAreNeverOverwritten(@TempDir Path dir) throws Exception {
        SigningKey k = Fixtures.key();
        Path[] files = KeyFiles.write(dir, "a", k);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files[0]))).isEqualTo("rw-------");
        assertThat(Files.readString(files[0])).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(files[1])).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(KeyFiles.readPublicKey(files[1])).isEqualTo(k.publicKey());
        byte[] msg = "boot".getBytes();
        assertThat(k.publicKey().verifies(msg, KeyFiles.readSigningKey(files[0]).sign(msg))).isTrue();
        assertThat(PublicKey.parse(k.publicKey().base64())).isEqualTo(k.publicKey());
        assertThatThrownBy(() -> KeyFiles.write(dir, "a", Fixtures.key())).isInstanceOf(ConfigException.class).hasMessageContaining("refusing to overwrite");
        Files.writeString(dir.resolve("junk.pub"), "hello");
        assertThatThrownBy(() -> KeyFiles.readPublicKey(dir.resolve("junk.pub"))).isInstanceOf(ConfigException.class).hasMessageContaining("junk.pub");
    }
}
