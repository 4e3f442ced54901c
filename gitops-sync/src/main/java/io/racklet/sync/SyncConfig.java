package io.racklet.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code sync:} section of an agent's configuration: where the rack repository lives and
 * which admin keys this agent trusts. The keys are pinned here, in the agent's own file, so that
 * nothing fetched from the network can make the agent trust a key on its own.
 *
 * @param remote   file://, https:// or ssh:// address of the rack repository (a plain absolute
 *                 path is read as file://)
 * @param branch   the branch that declares the rack (default main)
 * @param path     the folder of the repository that holds the spec (default: the whole repository)
 * @param interval how often the remote is fetched (default 30s); "sync now" triggers come on top
 * @param policy   strict (default): every commit since the applied one is verified; head: only the head
 * @param trust    the pinned admin keys and revocations
 * @param ssh      the client key and known_hosts file for ssh:// remotes
 */
public record SyncConfig(String remote, String branch, String path, Duration interval, Policy policy, Trust trust, Ssh ssh) {

    public enum Policy { strict, head }

    public SyncConfig {
        if (remote == null || remote.isBlank()) {
            throw new IllegalArgumentException("field 'sync.remote': missing (required, e.g. file:///srv/rack.git or ssh://git@host/rack.git)");
        }
        if (remote.startsWith("/")) remote = "file://" + remote;
        if (!(remote.startsWith("file://") || remote.startsWith("https://") || remote.startsWith("ssh://"))) {
            throw new IllegalArgumentException("field 'sync.remote': '" + remote + "' is not a file://, https:// or ssh:// address");
        }
        if (branch == null) branch = "main";
        if (path == null) path = "";
        path = path.replaceAll("^/+|/+$", "");
        if (path.contains("..")) throw new IllegalArgumentException("field 'sync.path': '" + path + "' must stay inside the repository");
        if (interval == null) interval = Duration.ofSeconds(30);
        if (interval.toMillis() < 100) throw new IllegalArgumentException("field 'sync.interval': at least 100ms");
        if (policy == null) policy = Policy.strict;
        if (trust == null || (trust.allowedSigners() == null && trust.openpgpKeys().isEmpty())) {
            throw new IllegalArgumentException("field 'sync.trust': pin at least one admin key "
                    + "(trust.allowedSigners: an allowed_signers file, or trust.openpgpKeys: armoured public keys)");
        }
        if (remote.startsWith("ssh://") && (ssh == null || ssh.knownHosts() == null)) {
            throw new IllegalArgumentException("field 'sync.ssh.knownHosts': required for an ssh:// remote (the server's key is always checked)");
        }
        if (remote.startsWith("ssh://") && ssh.identity() == null) {
            throw new IllegalArgumentException("field 'sync.ssh.identity': required for an ssh:// remote (the private key this agent logs in with)");
        }
    }

    /**
     * @param allowedSigners a file in git's allowed_signers format (principal, options, SSH key)
     * @param openpgpKeys    files of ASCII-armoured OpenPGP public keys
     * @param revocationFile git's gpg.ssh.revocationFile: SSH keys that are no longer trusted
     * @param revoked        fingerprints no longer trusted (OpenPGP hex, or SSH "SHA256:...")
     */
    public record Trust(Path allowedSigners, List<Path> openpgpKeys, Path revocationFile, List<String> revoked) {
        public Trust {
            openpgpKeys = openpgpKeys == null ? List.of() : List.copyOf(openpgpKeys);
            revoked = revoked == null ? List.of() : List.copyOf(revoked);
        }
    }

    /**
     * @param identity   the private key this agent authenticates with
     * @param knownHosts the server keys this agent accepts (OpenSSH known_hosts format)
     */
    public record Ssh(Path identity, Path knownHosts) {}
}
