package io.racklet.boot.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racklet.boot.BootRefusedException;
import io.racklet.boot.Fixtures;
import io.racklet.boot.Refusal;
import io.racklet.boot.keys.SigningKey;
import io.racklet.boot.manifest.BootManifest;
import io.racklet.boot.manifest.ManifestCodec;
import io.racklet.boot.manifest.ManifestSignature;
import io.racklet.boot.manifest.ManifestSigner;
import io.racklet.boot.manifest.SignedManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestVerifierTest {
    private final SigningKey a = Fixtures.key(), b = Fixtures.key(), c = Fixtures.key(), stranger = Fixtures.key();
    private final TrustPolicy twoOfThree = TrustPolicy.of(List.of(a.publicKey(), b.publicKey(), c.publicKey()), 2);
    private final InstantSource clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    private final BootManifest m = Fixtures.manifest("debian-cloud", 5, Fixtures.bytes(1000, 1), Fixtures.bytes(500, 2), "console=ttyS0");
    @TempDir
    Path state;

    private ManifestVerifier.Verified verify(SignedManifest s) throws BootRefusedException {
        return new ManifestVerifier(twoOfThree, clock).verify(ManifestCodec.encode(s), "debian-cloud", new RollbackFloor(state));
    }

    private Refusal refusal(SignedManifest s) {
        try {
            verify(s);
        } catch (BootRefusedException e) {
            return e.refusal();
        }
        throw new AssertionError("verified, but should have been refused");
    }

    @Test
    void twoOfThreeTrustedKeysVerify() throws Exception {
        ManifestVerifier.Verified v = verify(ManifestSigner.sign(m, List.of(a, c)));
        assertThat(v.signers()).containsExactlyInAnyOrder(a.publicKey().id(), c.publicKey().id());
    }

    @Test
    void oneSignatureShortOfTheThresholdIsRefused() {
        Refusal r = refusal(ManifestSigner.sign(m, List.of(b)));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.THRESHOLD_NOT_MET);
        assertThat(r.message()).contains("1 of the 2 required");
    }

    @Test
    void theSameKeyTwiceCountsOnce() {
        Refusal r = refusal(ManifestSigner.sign(m, List.of(a, a)));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.DUPLICATE_KEY);
        assertThat(r.message()).contains("1 of the 2 required").contains(a.publicKey().id().substring(0, 16) + " signed more than once");
    }

    @Test
    void anUnknownKeyCountsNothing() {
        Refusal r = refusal(ManifestSigner.sign(m, List.of(a, stranger)));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.UNKNOWN_KEY);
        assertThat(r.message()).contains(stranger.publicKey().id().substring(0, 16) + " is not trusted");
    }

    @Test
    void aSignatureClaimingATrustedKeyIdButMadeByAnotherKeyIsBad() {
        SignedManifest honest = ManifestSigner.sign(m, List.of(a));
        SignedManifest forged = ManifestSigner.sign(m, List.of(stranger));
        List<ManifestSignature> sigs = new ArrayList<>(honest.signatures());
        sigs.add(new ManifestSignature(b.publicKey().id(), forged.signatures().get(0).sig()));
        Refusal r = refusal(new SignedManifest(m, sigs));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.BAD_SIGNATURE);
    }

    @Test
    void aChangedCmdlineBreaksEverySignature() {
        SignedManifest signed = ManifestSigner.sign(m, List.of(a, b));
        BootManifest changed = new BootManifest(m.type(), m.name(), m.version(), m.expires(), m.kernel(), m.initramfs(), "console=ttyS0 init=/bin/sh");
        Refusal r = refusal(new SignedManifest(changed, signed.signatures()));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.BAD_SIGNATURE);
        assertThat(r.message()).contains("0 of the 2 required");
    }

    @Test
    void anExpiredManifestIsRefused() {
        BootManifest old = BootManifest.of("debian-cloud", 5, Fixtures.NOW, m.kernel(), m.initramfs(), m.cmdline());
        Refusal r = refusal(ManifestSigner.sign(old, List.of(a, b)));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.EXPIRED);
        assertThat(r.message()).contains("expired at " + Fixtures.NOW);
    }

    @Test
    void aManifestForAnotherProfileIsRefused() {
        BootManifest other = BootManifest.of("rescue", 9, Fixtures.NOW.plusSeconds(60), m.kernel(), m.initramfs(), m.cmdline());
        assertThat(refusal(ManifestSigner.sign(other, List.of(a, b))).reason()).isEqualTo(Refusal.Reason.WRONG_NAME);
    }

    @Test
    void rollbackBelowThePersistedFloorIsRefused() throws Exception {
        verify(ManifestSigner.sign(m, List.of(a, b)));
        new RollbackFloor(state).record(m, Fixtures.NOW);
        BootManifest older = BootManifest.of("debian-cloud", 4, Fixtures.NOW.plusSeconds(60), m.kernel(), m.initramfs(), m.cmdline());
        // a new floor object reads the persisted state: as after a BMC restart
        Refusal r = refusal(ManifestSigner.sign(older, List.of(a, b)));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.ROLLBACK);
        assertThat(r.message()).contains("version 4 is older than version 5");
        assertThat(state.resolve("debian-cloud.json")).exists();
        // the same version again verifies; the same version with other content does not; a newer one does
        verify(ManifestSigner.sign(m, List.of(b, c)));
        BootManifest reused = BootManifest.of("debian-cloud", 5, Fixtures.NOW.plusSeconds(60), m.kernel(), m.initramfs(), "quiet");
        assertThat(refusal(ManifestSigner.sign(reused, List.of(a, b))).message()).contains("never re-used");
        verify(ManifestSigner.sign(BootManifest.of("debian-cloud", 6, Fixtures.NOW.plusSeconds(60), m.kernel(), m.initramfs(), "quiet"), List.of(a, b)));
    }

    @Test
    void signaturesAreCheckedBeforeAnythingTheManifestSays() {
        // unsigned and expired: the refusal is about the signatures, the expiry is not believed
        BootManifest old = BootManifest.of("debian-cloud", 5, Fixtures.NOW.minusSeconds(1), m.kernel(), m.initramfs(), m.cmdline());
        assertThat(refusal(ManifestSigner.sign(old, List.of(stranger))).reason()).isEqualTo(Refusal.Reason.UNKNOWN_KEY);
    }

    @Test
    void malformedJsonIsRefusedAsSuch() {
        assertThatThrownBy(() -> new ManifestVerifier(twoOfThree, clock).verify("{\"signed\":{}}".getBytes(StandardCharsets.UTF_8), null, null))
                .isInstanceOfSatisfying(BootRefusedException.class, e -> assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.MALFORMED));
    }

    @Test
    void aPolicyNeedsAReachableThreshold() {
        assertThatThrownBy(() -> TrustPolicy.of(List.of(a.publicKey()), 2)).hasMessageContaining("between 1 and the number of keys");
        assertThatThrownBy(() -> TrustPolicy.of(List.of(a.publicKey(), a.publicKey()), 1)).hasMessageContaining("listed twice");
    }
}
