package io.racklet.cli.demo;

import io.racklet.boot.keys.KeyFiles;
import io.racklet.boot.serve.StaticMirror;
import io.racklet.cli.Racklet;
import io.racklet.config.ConfigException;
import io.racklet.config.Entrypoint;
import io.racklet.sim.qemu.QemuSettings;
import io.racklet.sim.qemu.TestImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * What the demo's QEMU nodes boot: Debian's cloud kernel and a busybox initramfs (built and cached
 * by scripts/build-test-image.sh), signed by a generated demo boot key with {@code racklet boot
 * sign} into a local mirror that the BMCs fetch from over HTTP on the loopback address.
 */
public final class DemoBootImage implements AutoCloseable {
    public static final String PROFILE = "debian-cloud";
    public static final String SIGNER = "demo-boot-signer";
    private final Path keys;
    private final Path mirrorDir;
    private final StaticMirror mirror;

    private DemoBootImage(Path keys, Path mirrorDir, StaticMirror mirror) {
        this.keys = keys;
        this.mirrorDir = mirrorDir;
        this.mirror = mirror;
    }

    /** Checks QEMU is here, builds the image if needed, signs version 2 once, serves the mirror. */
    public static DemoBootImage prepare(Path stateDir, int mirrorPort) {
        if (!onPath(QemuSettings.DEFAULT_BINARY) || !Files.isRegularFile(QemuSettings.IPXE_KERNEL)) {
            throw new ConfigException("--qemu needs QEMU and iPXE: sudo apt-get install qemu-system-x86 ipxe busybox-static cpio");
        }
        Path keys = stateDir.resolve("boot/keys");
        Path mirrorDir = stateDir.resolve("boot/mirror");
        try {
            TestImage image = TestImage.ensure();
            if (!Files.exists(keys.resolve(SIGNER + ".key"))) {
                run("boot", "keygen", "--out", keys.toString(), "--name", SIGNER);
            }
            Path manifest = mirrorDir.resolve(PROFILE).resolve("manifest.json");
            if (!Files.exists(manifest)) {
                // version 2, so that re-signing version 1 shows the rollback refusal
                run("boot", "sign", "--kernel", image.kernel().toString(), "--initramfs", image.initramfs().toString(),
                        "--cmdline", "console=ttyS0", "--name", PROFILE, "--version", "2", "--expires", "P365D",
                        "--key", keys.resolve(SIGNER + ".key").toString(), "-o", manifest.toString(),
                        "--blobs", mirrorDir.resolve(PROFILE).resolve("blobs").toString());
            }
            return new DemoBootImage(keys, mirrorDir, new StaticMirror(mirrorDir, mirrorPort));
        } catch (IOException e) {
            throw new ConfigException("cannot prepare the QEMU nodes' boot image: " + e.getMessage());
        }
    }

    public URI manifestUrl() {
        return mirror.url(PROFILE + "/manifest.json");
    }

    /** The signer's public key as the rack spec lists it: base64 of the raw 32 bytes. */
    public String publicKey() {
        return KeyFiles.readPublicKey(keys.resolve(SIGNER + ".pub")).base64();
    }

    public Path keys() {
        return keys;
    }

    public Path mirrorDir() {
        return mirrorDir;
    }

    private static void run(String... args) {
        int code = Entrypoint.execute(new CommandLine(new Racklet()), args);
        if (code != Entrypoint.OK) throw new ConfigException("racklet " + String.join(" ", args) + " failed (exit " + code + ")");
    }

    private static boolean onPath(String binary) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, binary))) return true;
        }
        return false;
    }

    @Override
    public void close() {
        mirror.close();
    }
}
