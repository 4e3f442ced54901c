package io.racklet.sync;

import io.racklet.protocol.resource.RackDeclaration;
import java.time.Instant;

/**
 * A rack spec that passed verification, with where it came from.
 *
 * @param restored true when re-applied at start from what was verified before (no new commit)
 */
public record AppliedSpec(RackDeclaration declaration, String commit, String signer, Instant appliedAt, boolean restored) {

    /** What an action taken because of this spec names as its cause. */
    public String cause() {
        return "commit " + shortId(commit) + " signed by " + signer;
    }

    public static String shortId(String commit) {
        return commit == null ? null : commit.substring(0, Math.min(12, commit.length()));
    }
}
