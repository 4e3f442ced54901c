package io.racklet.sync;

import io.racklet.json.Json;
import io.racklet.protocol.message.Message;
import io.racklet.protocol.message.SyncStatus;
import io.racklet.state.AtomicFile;
import io.racklet.sync.fetch.RepoMirror;
import io.racklet.sync.tree.SpecTree;
import io.racklet.sync.verify.CommitSignatures;
import io.racklet.sync.verify.HistoryVerifier;
import io.racklet.sync.verify.PinnedKeys;
import io.racklet.sync.verify.TrustSet;
import io.racklet.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's sync of the signed rack repository: fetch (on an interval and on demand), verify,
 * then hand the verified spec to the agent. Git work runs on its own thread so a slow remote never
 * stalls the agent's control loops; the agent hears back on its scheduler. On any refusal the last
 * good spec stays applied, the target hears why once, and the status says so until it clears.
 */
public final class GitSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GitSync.class);

    private final SyncConfig config;
    private final String agent;
    private final Path stateFile;
    private final Scheduler scheduler;
    private final SyncTarget target;
    private final Consumer<SyncStatus> statusSink;
    private final RepoMirror mirror;
    private final TrustSet pinned;
    private final HistoryVerifier verifier;
    private final ExecutorService worker;
    private CompletableFuture<SyncStatus> queued; // guarded by this

    // touched only on the worker thread
    private Applied applied;
    private TrustSet trusted;
    private String lastProblem;
    private volatile SyncStatus status;

    /** What is in force, persisted so a restart resumes from it. */
    record Applied(String commit, String signer, Instant appliedAt) {}

    public GitSync(SyncConfig config, String agent, Path stateDir, Scheduler scheduler, SyncTarget target, Consumer<SyncStatus> status)
            throws IOException {
        this.config = config;
        this.agent = agent;
        this.scheduler = scheduler;
        this.target = target;
        this.statusSink = status;
        Path dir = stateDir.resolve("sync");
        this.stateFile = dir.resolve("applied.json");
        this.pinned = PinnedKeys.load(config.trust());
        this.trusted = pinned;
        this.mirror = new RepoMirror(dir.resolve("mirror.git"), config);
        this.verifier = new HistoryVerifier(new CommitSignatures(dir, config.trust(), scheduler), pinned, config.path(), config.policy());
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "git-sync-" + agent);
            t.setDaemon(true);
            return t;
        });
        this.status = status(null, null, null, null);
    }

    /** Re-applies what was verified before (if anything), then syncs now and on every interval. */
    public void start() {
        worker.execute(this::restore);
        scheduler.every(Duration.ZERO, config.interval(), this::syncNow);
    }

    /**
     * Fetches and verifies soon; triggers that arrive while one is queued are merged into it.
     * Completes with the status after that sync (the target hears of it on the scheduler).
     */
    public synchronized CompletableFuture<SyncStatus> syncNow() {
        if (queued == null) {
            CompletableFuture<SyncStatus> done = new CompletableFuture<>();
            queued = done;
            worker.execute(() -> {
                synchronized (this) {
                    queued = null;
                }
                try {
                    sync();
                } finally {
                    done.complete(status);
                }
            });
        }
        return queued;
    }

    public SyncStatus status() {
        return status;
    }

    private void restore() {
        if (!Files.exists(stateFile)) return;
        try {
            Applied a = Json.json().readValue(stateFile.toFile(), Applied.class);
            try (RevWalk walk = new RevWalk(mirror.repository())) {
                RevCommit c = walk.parseCommit(ObjectId.fromString(a.commit()));
                var spec = SpecTree.read(mirror.repository(), c, config.path());
                applied = a;
                trusted = verifier.trustOf(spec);
                publish(status(null, null, null, a.commit()));
                hand(new AppliedSpec(spec, a.commit(), a.signer(), a.appliedAt(), true));
            }
        } catch (IOException | SyncRefusal | RuntimeException e) {
            // the pinned keys are trusted again, so nothing older than what they sign can come back
            problem(null, "the previously applied commit cannot be restored (" + e.getMessage() + "); starting from the pinned keys");
        }
    }

    private void sync() {
        ObjectId head;
        try {
            head = mirror.fetch();
        } catch (SyncRefusal e) {
            problem(null, e.getMessage(), null);
            return;
        }
        if (applied != null && head.name().equals(applied.commit())) {
            lastProblem = null;
            publish(status(null, null, head.name(), null));
            return;
        }
        try {
            ObjectId from = applied == null ? null : ObjectId.fromString(applied.commit());
            HistoryVerifier.Verified v = verifier.verify(mirror.repository(), from, trusted, head);
            Applied a = new Applied(head.name(), v.signer().owner(), scheduler.instant());
            mirror.markApplied(head);
            AtomicFile.write(stateFile, Json.json().writeValueAsBytes(a));
            applied = a;
            trusted = v.trust();
            lastProblem = null;
            publish(status(null, null, head.name(), null));
            log.info("{}: applied {} signed by {}", agent, head.name(), a.signer());
            hand(new AppliedSpec(v.spec(), a.commit(), a.signer(), a.appliedAt(), false));
        } catch (SyncRefusal e) {
            problem(e.commit() == null ? head.name() : e.commit(), e.getMessage(), head.name());
        } catch (IOException e) {
            problem(head.name(), "cannot record the applied commit: " + e.getMessage(), head.name());
        }
    }

    private void problem(String commit, String reason) {
        problem(commit, reason, null);
    }

    /** Reports a refusal or failure; the target hears each distinct one once, not every interval. */
    private void problem(String commit, String reason, String head) {
        publish(status(commit, reason, head, null));
        String key = commit + "|" + reason;
        if (key.equals(lastProblem)) return;
        lastProblem = key;
        log.warn("{}: {}{}", agent, commit == null ? "" : "refused " + commit + ": ", reason);
        scheduler.schedule(Duration.ZERO, () -> target.refused(commit, reason));
    }

    private void hand(AppliedSpec spec) {
        scheduler.schedule(Duration.ZERO, () -> target.apply(spec));
    }

    private SyncStatus status(String refused, String error, String head, String restored) {
        Instant now = scheduler.instant();
        return new SyncStatus(Message.VERSION, now, agent, config.policy().name(),
                applied == null ? null : applied.commit(), applied == null ? null : applied.signer(),
                applied == null ? null : applied.appliedAt(),
                head != null ? head : status == null ? null : status.head(),
                refused, error, restored == null ? now : status == null ? null : status.checkedAt());
    }

    private void publish(SyncStatus s) {
        status = s;
        statusSink.accept(s);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        mirror.close();
    }
}
