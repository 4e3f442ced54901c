package io.racklet.sync.verify;

import io.racklet.sync.SyncConfig;
import io.racklet.sync.SyncRefusal;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;

/** Checks one commit's signature against a trust set: who signed it, or why it is refused. */
public final class CommitSignatures {
    private final SshSignatures ssh;
    private final SyncConfig.Trust config;
    private final InstantSource clock;

    public CommitSignatures(Path workDir, SyncConfig.Trust config, InstantSource clock) {
        this.ssh = new SshSignatures(workDir.resolve("trust"), config.revocationFile());
        this.config = config;
        this.clock = clock;
    }

    /** The trusted key that signed {@code commit}; refuses unsigned, unknown, revoked, expired and bad. */
    public TrustedKey verify(Repository repo, RevCommit commit, TrustSet trust) throws SyncRefusal {
        String id = commit.name();
        SignedPayload payload = SignedPayload.of(commit);
        if (payload == null) throw new SyncRefusal(id, "commit is not signed");
        GpgConfig.GpgFormat format = SignatureVerifiers.getFormat(payload.signature());
        TrustedKey key = switch (format == null ? GpgConfig.GpgFormat.X509 : format) {
            case SSH -> ssh.verify(repo, id, payload, trust);
            case OPENPGP -> OpenPgpSignatures.verify(id, payload, trust, clock.instant());
            default -> throw new SyncRefusal(id, "signature format is not OpenPGP or SSH");
        };
        if (config.revoked().stream().anyMatch(r -> r.equalsIgnoreCase(key.fingerprint()))) {
            throw new SyncRefusal(id, "signed by the revoked key " + key.describe());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (key.expiredOn(today)) {
            throw new SyncRefusal(id, "signed by the key " + key.describe() + ", which expired on " + key.expires());
        }
        return key;
    }
}
