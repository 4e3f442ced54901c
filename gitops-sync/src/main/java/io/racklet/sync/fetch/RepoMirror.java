package io.racklet.sync.fetch;

import io.racklet.sync.SyncConfig;
import io.racklet.sync.SyncRefusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;

/**
 * The agent's own bare copy of the rack repository. Fetching only adds objects and moves the
 * remote-tracking ref; what is in force is the {@value #APPLIED} ref, moved only after
 * verification, so the applied commit's objects are never collected.
 */
public final class RepoMirror implements AutoCloseable {
    public static final String APPLIED = "refs/racklet/applied";
    private static final int TIMEOUT_SECONDS = 20;

    private final SyncConfig config;
    private final Repository repo;
    private final SshKeys ssh;
    private final String tracking;

    public RepoMirror(Path dir, SyncConfig config) throws IOException {
        this.config = config;
        this.tracking = "refs/remotes/origin/" + config.branch();
        Files.createDirectories(dir);
        this.repo = FileRepositoryBuilder.create(dir.toFile());
        if (!Files.exists(dir.resolve("HEAD"))) repo.create(true);
        this.ssh = config.remote().startsWith("ssh://") ? new SshKeys(dir.resolveSibling("ssh"), config.ssh()) : null;
    }

    public Repository repository() {
        return repo;
    }

    /** Fetches the branch; returns the remote's head commit. */
    public ObjectId fetch() throws SyncRefusal {
        try (Git git = Git.wrap(repo)) {
            git.fetch().setRemote(config.remote())
                    .setRefSpecs(new RefSpec("+refs/heads/" + config.branch() + ":" + tracking))
                    .setTimeout(TIMEOUT_SECONDS)
                    .setTransportConfigCallback(t -> {
                        if (t instanceof SshTransport s && ssh != null) s.setSshSessionFactory(ssh.sessionFactory());
                    })
                    .call();
            ObjectId head = repo.resolve(tracking);
            if (head == null) throw new SyncRefusal(null, "the remote has no branch '" + config.branch() + "'");
            return head;
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw new SyncRefusal(null, "cannot fetch " + config.remote() + ": " + rootMessage(e));
        }
    }

    public ObjectId applied() throws IOException {
        return repo.resolve(APPLIED);
    }

    public void markApplied(ObjectId commit) throws IOException {
        RefUpdate u = repo.updateRef(APPLIED);
        u.setNewObjectId(commit);
        u.setForceUpdate(true);
        RefUpdate.Result r = u.update();
        if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.FAST_FORWARD && r != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot move " + APPLIED + ": " + r);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String top = e.getMessage() == null ? "" : e.getMessage();
        // JGit repeats the URL and the cause in its own message: say each part once
        return t == e || top.contains(m) ? top : top + " (" + m + ")";
    }

    @Override
    public void close() {
        repo.close();
        if (ssh != null) ssh.close();
    }
}
