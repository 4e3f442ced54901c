package io.racklet.boot.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.boot.BootRefusedException;
import io.racklet.boot.Fixtures;
import io.racklet.boot.Refusal;
import io.racklet.boot.manifest.ArtifactRole;
import io.racklet.boot.manifest.BootManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactVerifierTest {
    private final byte[] kernel = Fixtures.bytes(3 << 20, 1), initramfs = Fixtures.bytes(70_000, 2);
    private final BootManifest a = Fixtures.manifest("debian-cloud", 1, kernel, initramfs, "console=ttyS0");
    @TempDir
    Path dir;

    private Refusal check(ArtifactRole role, byte[] content, List<KnownArtifact> others) throws Exception {
        Path f = Files.write(dir.resolve(role.label()), content);
        try {
            ArtifactVerifier.verifyFile(role, role.of(a), f, others, ArtifactVerifier.Progress.NONE);
            return null;
        } catch (BootRefusedException e) {
            return e.refusal();
        }
    }

    @Test
    void theDeclaredBytesVerifyAndProgressReachesTheLength() throws Exception {
        Path f = Files.write(dir.resolve("k"), kernel);
        List<Long> progress = new ArrayList<>();
        ArtifactVerifier.verifyFile(ArtifactRole.KERNEL, a.kernel(), f, List.of(), progress::add);
        assertThat(progress).last().isEqualTo((long) kernel.length);
        assertThat(progress).hasSizeGreaterThan(1);
    }

    @Test
    void oneFlippedByteIsADigestMismatch() throws Exception {
        byte[] tampered = kernel.clone();
        tampered[123_456] ^= 1;
        Refusal r = check(ArtifactRole.KERNEL, tampered, List.of());
        assertThat(r.reason()).isEqualTo(Refusal.Reason.DIGEST_MISMATCH);
        assertThat(r.message()).contains("kernel sha256 is").contains(a.kernel().sha256());
    }

    @Test
    void truncatedAndOversizedArtifactsAreLengthMismatches() throws Exception {
        Refusal shorter = check(ArtifactRole.INITRAMFS, java.util.Arrays.copyOf(initramfs, initramfs.length - 1), List.of());
        assertThat(shorter.reason()).isEqualTo(Refusal.Reason.LENGTH_MISMATCH);
        assertThat(shorter.message()).contains("has 69999 bytes, the manifest declares 70000");
        Refusal longer = check(ArtifactRole.INITRAMFS, java.util.Arrays.copyOf(initramfs, initramfs.length + 4096), List.of());
        assertThat(longer.reason()).isEqualTo(Refusal.Reason.LENGTH_MISMATCH);
    }

    @Test
    void anArtifactOfAnotherManifestIsNamedAsMixed() throws Exception {
        byte[] otherInitramfs = Fixtures.bytes(80_000, 3);
        BootManifest b = Fixtures.manifest("debian-cloud", 2, kernel, otherInitramfs, "console=ttyS0");
        List<KnownArtifact> others = new ArrayList<>(KnownArtifact.othersOf(a, ArtifactRole.INITRAMFS));
        others.addAll(KnownArtifact.of(b));
        Refusal r = check(ArtifactRole.INITRAMFS, otherInitramfs, others);
        assertThat(r.reason()).isEqualTo(Refusal.Reason.MIXED_ARTIFACTS);
        assertThat(r.message()).contains("the initramfs of manifest 'debian-cloud' version 2");
    }

    @Test
    void aSwappedKernelAndInitramfsIsMixed() throws Exception {
        // an initramfs the length of the kernel would be read only up to the kernel's declared length
        BootManifest same = Fixtures.manifest("x", 1, kernel, Fixtures.bytes(kernel.length, 9), "");
        Path f = Files.write(dir.resolve("swapped"), kernel);
        try {
            ArtifactVerifier.verifyFile(ArtifactRole.INITRAMFS, same.initramfs(), f, KnownArtifact.othersOf(same, ArtifactRole.INITRAMFS),
                    ArtifactVerifier.Progress.NONE);
            throw new AssertionError("verified");
        } catch (BootRefusedException e) {
            assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.MIXED_ARTIFACTS);
            assertThat(e.refusal().message()).contains("this manifest's kernel");
        }
    }
}
