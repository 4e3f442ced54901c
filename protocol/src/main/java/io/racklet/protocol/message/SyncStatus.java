package io.racklet.protocol.message;

import java.time.Instant;

/**
 * An agent's retained view of the signed rack repository, on {@code racklet/<rack>/<agent>/sync}.
 * Each agent verifies on its own, so each publishes its own status.
 *
 * @param agent         the agent's name in topics (a node, "rmc" or "controller")
 * @param policy        "strict" (every new commit verified) or "head"
 * @param applied       the commit in force, null before the first verified one
 * @param signer        who signed the applied commit (principal or OpenPGP user id)
 * @param appliedAt     when it was applied
 * @param head          the remote head last fetched, null if never fetched
 * @param refused       the commit last refused, null if the head was applied
 * @param error         why it was refused, or why the fetch failed; null when all is well
 * @param checkedAt     when the remote was last looked at (a stale value means the remote is away)
 */
public record SyncStatus(int v, Instant ts, String agent, String policy, String applied, String signer, Instant appliedAt,
        String head, String refused, String error, Instant checkedAt) implements Message {
    public SyncStatus {
        Messages.require(v, ts);
        Messages.requireText("agent", agent);
    }

    public boolean healthy() {
        return error == null && applied != null;
    }
}
