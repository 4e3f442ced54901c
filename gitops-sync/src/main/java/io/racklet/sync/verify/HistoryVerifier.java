package io.racklet.sync.verify;

import io.racklet.protocol.resource.RackDeclaration;
import io.racklet.sync.AppliedSpec;
import io.racklet.sync.SyncConfig;
import io.racklet.sync.SyncRefusal;
import io.racklet.sync.tree.SpecTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Decides whether a fetched head may be applied. The head must descend from the applied commit
 * (no rollback, no force push). Under "strict" every new commit, oldest first, must be signed by
 * a key trusted at its first parent; under "head" only the head, by a key trusted at the applied
 * commit. A commit that changes the trusted keys needs signatures from {@code threshold}
 * distinct admins trusted before it: its own signer, and signers of later commits in the range.
 */
public final class HistoryVerifier {
    private final CommitSignatures signatures;
    private final TrustSet pinned;
    private final String folder;
    private final SyncConfig.Policy policy;

    /** What may be applied: the head, its spec, who signed it, and the keys trusted from then on. */
    public record Verified(RevCommit head, RackDeclaration spec, TrustedKey signer, TrustSet trust) {}

    private record TrustChange(RevCommit commit, TrustSet before, Set<String> approvers) {}

    public HistoryVerifier(CommitSignatures signatures, TrustSet pinned, String folder, SyncConfig.Policy policy) {
        this.signatures = signatures;
        this.pinned = pinned;
        this.folder = folder;
        this.policy = policy;
    }

    /**
     * @param applied      the commit in force, or null when nothing was applied yet (then the
     *                     head alone is checked against {@code trusted}, the pinned keys)
     * @param trusted      the keys trusted at {@code applied}
     */
    public Verified verify(Repository repo, ObjectId applied, TrustSet trusted, ObjectId head) throws SyncRefusal {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit headCommit = walk.parseCommit(head);
            List<RevCommit> range = range(walk, applied, headCommit);
            Map<ObjectId, TrustSet> trustAt = new HashMap<>();
            List<TrustChange> changes = new ArrayList<>();
            RackDeclaration headSpec = null;
            TrustedKey headSigner = null;
            for (RevCommit c : range) {
                TrustSet before = c.getParentCount() > 0 && trustAt.containsKey(c.getParent(0)) ? trustAt.get(c.getParent(0)) : trusted;
                TrustedKey signer = signatures.verify(repo, c, before);
                for (TrustChange change : changes) {
                    if (change.before().byFingerprint(signer.fingerprint()).isPresent()) change.approvers().add(signer.owner());
                }
                TrustSet after;
                if (c.equals(headCommit)) {
                    headSpec = SpecTree.read(repo, c, folder);
                    headSigner = signer;
                    after = declared(c, headSpec, before);
                } else {
                    after = declaredOrUnchanged(repo, c, before);
                }
                if (!after.sameTrustAs(before)) {
                    Set<String> approvers = new LinkedHashSet<>();
                    approvers.add(signer.owner());
                    changes.add(new TrustChange(c, before, approvers));
                }
                trustAt.put(c, after);
            }
            for (TrustChange change : changes) {
                int needed = change.before().threshold();
                if (change.approvers().size() < needed) {
                    throw new SyncRefusal(change.commit().name(), "changes the trusted admin keys, signed by "
                            + change.approvers().size() + " of the " + needed + " admins trusted before it that must sign ("
                            + String.join(", ", change.approvers()) + ")");
                }
            }
            return new Verified(headCommit, headSpec, headSigner, trustAt.get(headCommit));
        } catch (IOException e) {
            throw new SyncRefusal(head.name(), "cannot read the history: " + e.getMessage());
        }
    }

    /** The trust a verified spec establishes. */
    public TrustSet trustOf(RackDeclaration spec) {
        return TrustSet.declaredBy(spec, pinned);
    }

    private List<RevCommit> range(RevWalk walk, ObjectId applied, RevCommit head) throws IOException, SyncRefusal {
        if (applied == null) return List.of(head);
        RevCommit appliedCommit = walk.parseCommit(applied);
        if (!walk.isMergedInto(appliedCommit, head)) {
            throw new SyncRefusal(head.name(), "head " + AppliedSpec.shortId(head.name()) + " does not descend from the applied commit "
                    + AppliedSpec.shortId(applied.name()) + ": a rollback or a force push");
        }
        if (policy == SyncConfig.Policy.head) return List.of(head);
        walk.reset();
        walk.sort(RevSort.TOPO, true);
        walk.sort(RevSort.REVERSE, true);
        walk.markStart(head);
        walk.markUninteresting(appliedCommit);
        List<RevCommit> out = new ArrayList<>();
        for (RevCommit c : walk) out.add(c);
        return out;
    }

    private TrustSet declared(RevCommit c, RackDeclaration spec, TrustSet before) throws SyncRefusal {
        try {
            return TrustSet.declaredBy(spec, pinned);
        } catch (IllegalArgumentException e) {
            throw new SyncRefusal(c.name(), e.getMessage());
        }
    }

    /** An intermediate commit whose spec is invalid declares nothing, so it changes no trust. */
    private TrustSet declaredOrUnchanged(Repository repo, RevCommit c, TrustSet before) {
        try {
            return TrustSet.declaredBy(SpecTree.read(repo, c, folder), pinned);
        } catch (SyncRefusal | IllegalArgumentException e) {
            return before;
        }
    }
}
