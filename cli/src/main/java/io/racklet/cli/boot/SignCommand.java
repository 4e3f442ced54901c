package io.racklet.cli.boot;

import io.racklet.boot.keys.KeyFiles;
import io.racklet.boot.keys.SigningKey;
import io.racklet.boot.manifest.Artifact;
import io.racklet.boot.manifest.BootManifest;
import io.racklet.boot.manifest.ManifestCodec;
import io.racklet.boot.manifest.ManifestSigner;
import io.racklet.boot.manifest.SignedManifest;
import io.racklet.boot.verify.ArtifactVerifier;
import io.racklet.config.ConfigException;
import io.racklet.config.Entrypoint;
import io.racklet.json.DurationText;
import io.racklet.state.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racklet boot sign}: kernel + initramfs + cmdline to a signed manifest. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Signs a boot manifest naming the kernel and initramfs (sha256 and length) and the kernel command line.",
                "Give --key once per signer: a node boots it when its profile's threshold of trusted keys signed."})
public final class SignCommand implements Callable<Integer> {
    @Option(names = "--kernel", required = true, description = "The kernel image (e.g. vmlinuz).")
    Path kernel;

    @Option(names = "--initramfs", required = true, description = "The initramfs.")
    Path initramfs;

    @Option(names = "--cmdline", defaultValue = "", description = "Kernel command line (printable ASCII, no '$').")
    String cmdline;

    @Option(names = "--name", defaultValue = "default", description = "Boot profile this manifest is for (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--version", required = true, description = "Manifest version, from 1; nodes refuse versions below their last verified one.")
    long version;

    @Option(names = "--expires", defaultValue = "P30D",
            description = "Expiry: an instant (2026-01-01T00:00:00Z) or a time from now (P30D, 12h; default: ${DEFAULT-VALUE}).")
    String expires;

    @Option(names = "--key", required = true, description = "A signing key (PEM, from `boot keygen`); repeat for several signers.")
    List<Path> keys = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, description = "Where to write the manifest (JSON).")
    Path out;

    @Option(names = "--blobs", description = "Also copy the artifacts to DIR/<sha256>: a mirror layout (manifest URL's blobs/ folder).")
    Path blobs;

    @Override
    public Integer call() throws IOException {
        List<SigningKey> signers = keys.stream().map(KeyFiles::readSigningKey).toList();
        Artifact k = measure("kernel", kernel), i = measure("initramfs", initramfs);
        BootManifest m;
        try {
            m = BootManifest.of(name, version, expiry(), k, i, cmdline);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("manifest field " + e.getMessage());
        }
        SignedManifest signed = ManifestSigner.sign(m, signers);
        AtomicFile.write(out, ManifestCodec.encode(signed));
        if (blobs != null) {
            Files.createDirectories(blobs);
            Files.copy(kernel, blobs.resolve(k.sha256()), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(initramfs, blobs.resolve(i.sha256()), StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("signed manifest '" + name + "' version " + version + " (id " + signed.id() + ") by "
                + signers.size() + " key(s), expires " + m.expires() + ": " + out);
        return Entrypoint.OK;
    }

    private Artifact measure(String what, Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new ConfigException("--" + what + " " + file + ": no such file");
        try (Progress p = Progress.of(what, file)) {
            return ArtifactVerifier.measure(file, p.listener());
        } catch (IOException e) {
            throw new ConfigException("--" + what + ": " + e.getMessage());
        }
    }

    private Instant expiry() {
        try {
            return Instant.parse(expires);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Instant.now().plus(DurationText.parse(expires)).truncatedTo(ChronoUnit.SECONDS);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--expires '" + expires + "': neither an instant (2026-01-01T00:00:00Z) nor a duration (P30D, 12h)");
            }
        }
    }
}
