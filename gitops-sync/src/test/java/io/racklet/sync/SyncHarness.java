package io.racklet.sync;

import io.racklet.protocol.message.SyncStatus;
import io.racklet.time.SystemScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** One agent's GitSync against a {@link RackRepo}, recording what it applied and refused. */
public final class SyncHarness implements AutoCloseable {
    public final List<AppliedSpec> applied = new CopyOnWriteArrayList<>();
    public final List<String> refusals = new CopyOnWriteArrayList<>();
    public final List<SyncStatus> statuses = new CopyOnWriteArrayList<>();
    private final SystemScheduler scheduler = new SystemScheduler("sync-test");
    public final GitSync sync;

    public SyncHarness(SyncConfig config, Path stateDir) throws IOException {
        this.sync = new GitSync(config, "node-1", stateDir, scheduler, new SyncTarget() {
            @Override
            public void apply(AppliedSpec spec) {
                applied.add(spec);
            }

            @Override
            public void refused(String commit, String reason) {
                refusals.add(commit + ": " + reason);
            }
        }, statuses::add);
    }

    /** A config that pins the given allowed_signers lines (written to a file) with a long interval. */
    public static SyncConfig sshConfig(RackRepo repo, Path dir, SyncConfig.Policy policy, String... allowedSigners) throws IOException {
        Path file = dir.resolve("allowed_signers");
        Files.createDirectories(dir);
        Files.writeString(file, String.join("\n", allowedSigners) + "\n");
        return new SyncConfig(repo.remoteUrl(), null, null, Duration.ofHours(1), policy,
                new SyncConfig.Trust(file, List.of(), null, List.of()), null);
    }

    /** Syncs now and waits until the agent side has heard the result. */
    public SyncStatus sync() throws Exception {
        SyncStatus s = sync.syncNow().get(60, TimeUnit.SECONDS);
        scheduler.runAndWait(() -> {});
        return s;
    }

    public AppliedSpec last() {
        return applied.isEmpty() ? null : applied.get(applied.size() - 1);
    }

    @Override
    public void close() {
        sync.close();
        scheduler.close();
    }
}
