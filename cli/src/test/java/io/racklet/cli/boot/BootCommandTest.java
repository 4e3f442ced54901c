package io.racklet.cli.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.cli.Racklet;
import io.racklet.config.Entrypoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `racklet boot`: the documented exit codes and messages. */
class BootCommandTest {
    @TempDir
    Path dir;
    private Path kernel, initramfs, keys, manifest;
    private final StringWriter err = new StringWriter();
    private String out;

    private int racklet(String... args) {
        CommandLine cl = new CommandLine(new Racklet());
        cl.setErr(new PrintWriter(err, true));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return Entrypoint.execute(cl, args);
        } finally {
            System.setOut(old);
            out = buf.toString(StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void files() throws Exception {
        byte[] k = new byte[200_000], i = new byte[50_000];
        new Random(1).nextBytes(k);
        new Random(2).nextBytes(i);
        kernel = Files.write(dir.resolve("vmlinuz"), k);
        initramfs = Files.write(dir.resolve("initrd"), i);
        keys = dir.resolve("keys");
        manifest = dir.resolve("manifest.json");
        assertThat(racklet("boot", "keygen", "--out", keys.toString(), "--name", "a")).isZero();
        assertThat(out).startsWith("key id ");
        assertThat(racklet("boot", "keygen", "--out", keys.toString(), "--name", "b")).isZero();
    }

    private int sign(long version, String... keyNames) {
        String[] base = {"boot", "sign", "--kernel", kernel.toString(), "--initramfs", initramfs.toString(), "--cmdline", "console=ttyS0",
                "--name", "p", "--version", Long.toString(version), "-o", manifest.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + 2 * keyNames.length);
        for (int n = 0; n < keyNames.length; n++) {
            args[base.length + 2 * n] = "--key";
            args[base.length + 2 * n + 1] = keys.resolve(keyNames[n] + ".key").toString();
        }
        return racklet(args);
    }

    private int verify(String... extra) {
        String[] base = {"boot", "verify", manifest.toString(), "--key", keys.resolve("a.pub").toString(), "--key", keys.resolve("b.pub").toString(),
                "--kernel", kernel.toString(), "--initramfs", initramfs.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return racklet(args);
    }

    @Test
    void signedByBothVerifiesWithExitZero() {
        assertThat(sign(3, "a", "b")).isZero();
        assertThat(verify("--threshold", "2", "--name", "p")).isZero();
        assertThat(out).startsWith("verified: manifest 'p' version 3").contains("signed by 2 of 2 required keys");
    }

    @Test
    void refusalsExitOneWithTheirReason() throws Exception {
        assertThat(sign(3, "a")).isZero();
        assertThat(verify()).isEqualTo(Entrypoint.FAILED);
        assertThat(out).startsWith("refused: threshold-not-met: threshold not met: 1 of the 2 required");
        assertThat(sign(3, "a", "a")).isZero();
        assertThat(verify()).isEqualTo(Entrypoint.FAILED);
        assertThat(out).startsWith("refused: duplicate-key:");
        // a rollback against the recorded state
        Path state = dir.resolve("state");
        assertThat(sign(3, "a", "b")).isZero();
        assertThat(verify("--state", state.toString())).isZero();
        assertThat(sign(2, "a", "b")).isZero();
        assertThat(verify("--state", state.toString())).isEqualTo(Entrypoint.FAILED);
        assertThat(out).startsWith("refused: rollback: manifest 'p' version 2 is older than version 3");
        Files.writeString(manifest, Files.readString(manifest).replace("\"version\":2", "\"version\":\"2\""));
        assertThat(verify()).isEqualTo(Entrypoint.FAILED);
        assertThat(out).startsWith("refused: malformed: field 'signed.version'");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(racklet("boot", "keygen", "--out", keys.toString(), "--name", "a")).isEqualTo(Entrypoint.BAD_INPUT);
        assertThat(err.toString()).contains("refusing to overwrite a key");
        assertThat(sign(3, "a", "b")).isZero();
        assertThat(verify("--threshold", "3")).isEqualTo(Entrypoint.BAD_INPUT);
        assertThat(err.toString()).contains("threshold 3 must be between 1 and the number of keys (2)");
        assertThat(racklet("boot", "sign", "--kernel", "/nonexistent", "--initramfs", initramfs.toString(), "--version", "1",
                "--key", keys.resolve("a.key").toString(), "-o", manifest.toString())).isEqualTo(Entrypoint.BAD_INPUT);
        assertThat(racklet("boot", "sign", "--kernel", kernel.toString(), "--initramfs", initramfs.toString(), "--version", "1",
                "--cmdline", "a$b", "--key", keys.resolve("a.key").toString(), "-o", manifest.toString())).isEqualTo(Entrypoint.BAD_INPUT);
        assertThat(err.toString()).contains("cmdline");
    }
}
