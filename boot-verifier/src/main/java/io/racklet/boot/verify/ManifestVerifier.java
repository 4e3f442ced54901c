package io.racklet.boot.verify;

import io.racklet.boot.BootRefusedException;
import io.racklet.boot.Refusal;
import io.racklet.boot.manifest.BootManifest;
import io.racklet.boot.manifest.ManifestCodec;
import io.racklet.boot.manifest.SignedManifest;
import java.time.InstantSource;
import java.util.Set;

/**
 * Decides whether a manifest may be booted, before any artifact is fetched: well-formed, signed by
 * enough trusted keys, for the expected profile, not expired, not a rollback. Signatures are checked
 * first: nothing a manifest says counts before it is authentic.
 */
public final class ManifestVerifier {
    private final TrustPolicy policy;
    private final InstantSource clock;

    public ManifestVerifier(TrustPolicy policy, InstantSource clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** What was verified: the manifest and the keys that approved it. */
    public record Verified(SignedManifest manifest, Set<String> signers) {
        public BootManifest signed() {
            return manifest.signed();
        }
    }

    /**
     * @param expectedName the profile name the manifest must carry, or null for any
     * @param floor        the node's rollback floor, or null to skip the rollback check
     */
    public Verified verify(byte[] json, String expectedName, RollbackFloor floor) throws BootRefusedException {
        SignedManifest m = ManifestCodec.decode(json);
        Set<String> signers = SignatureCheck.require(m, policy);
        BootManifest s = m.signed();
        if (expectedName != null && !expectedName.equals(s.name())) {
            throw new BootRefusedException(Refusal.Reason.WRONG_NAME, "manifest is for profile '" + s.name() + "', this node boots '" + expectedName + "'");
        }
        if (!clock.instant().isBefore(s.expiresAt())) {
            throw new BootRefusedException(Refusal.Reason.EXPIRED, "manifest '" + s.name() + "' version " + s.version() + " expired at " + s.expires());
        }
        if (floor != null) floor.check(s);
        return new Verified(m, signers);
    }
}
