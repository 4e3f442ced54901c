package io.racklet.cli.boot;

import io.racklet.boot.BootRefusedException;
import io.racklet.boot.keys.KeyFiles;
import io.racklet.boot.keys.PublicKey;
import io.racklet.boot.manifest.ArtifactRole;
import io.racklet.boot.verify.ArtifactVerifier;
import io.racklet.boot.verify.KnownArtifact;
import io.racklet.boot.verify.ManifestVerifier;
import io.racklet.boot.verify.RollbackFloor;
import io.racklet.boot.verify.TrustPolicy;
import io.racklet.config.ConfigException;
import io.racklet.config.Entrypoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racklet boot verify MANIFEST --key ... --threshold N --kernel K --initramfs I}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies a boot manifest and its artifacts as a BMC does before powering its node on:",
                "signatures by at least THRESHOLD distinct trusted keys, expiry, profile name, rollback (with --state),",
                "then each artifact's length and sha256 (never reading past the declared length)."},
        footer = {"", "Exit codes: 0 verified; 1 refused (printed as 'refused: <reason>: <detail>'); 2 bad usage or unreadable keys."})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "The manifest (JSON).")
    Path manifest;

    @Option(names = "--key", required = true, description = "A trusted public key (PEM or base64 raw); repeat for each.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--threshold", description = "How many distinct trusted keys must have signed (default: all given).")
    Integer threshold;

    @Option(names = "--kernel", required = true, description = "The kernel to check against the manifest.")
    Path kernel;

    @Option(names = "--initramfs", required = true, description = "The initramfs to check against the manifest.")
    Path initramfs;

    @Option(names = "--name", description = "The profile name the manifest must carry.")
    String name;

    @Option(names = "--state", description = "Rollback state folder: refuses versions below the last verified one, and records this one.")
    Path state;

    @Override
    public Integer call() throws IOException {
        List<PublicKey> trusted = keys.stream().map(KeyFiles::readPublicKey).toList();
        TrustPolicy policy;
        try {
            policy = TrustPolicy.of(trusted, threshold == null ? trusted.size() : threshold);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--threshold/--key: " + e.getMessage());
        }
        for (Path p : List.of(manifest, kernel, initramfs)) {
            if (!Files.isRegularFile(p)) throw new ConfigException(p + ": no such file");
        }
        Clock clock = Clock.systemUTC();
        RollbackFloor floor = state == null ? null : new RollbackFloor(state);
        try {
            byte[] json = Files.readAllBytes(manifest);
            ManifestVerifier.Verified v = new ManifestVerifier(policy, clock).verify(json, name, floor);
            for (ArtifactRole role : ArtifactRole.values()) {
                Path file = role == ArtifactRole.KERNEL ? kernel : initramfs;
                try (Progress p = Progress.of(role.label(), file)) {
                    ArtifactVerifier.verifyFile(role, role.of(v.signed()), file, KnownArtifact.othersOf(v.signed(), role), p.listener());
                }
            }
            if (floor != null) floor.record(v.signed(), clock.instant());
            System.out.println("verified: manifest '" + v.signed().name() + "' version " + v.signed().version() + " (id " + v.manifest().id()
                    + "), signed by " + v.signers().size() + " of " + policy.threshold() + " required keys, expires " + v.signed().expires());
            return Entrypoint.OK;
        } catch (BootRefusedException e) {
            System.out.println("refused: " + e.refusal());
            return Entrypoint.FAILED;
        }
    }
}
