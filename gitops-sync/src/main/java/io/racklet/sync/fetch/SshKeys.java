package io.racklet.sync.fetch;

import io.racklet.sync.SyncConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * SSH for ssh:// remotes through Apache MINA: only the configured client key, only servers whose
 * key is in the configured known_hosts (never added on first use), no agent, no ~/.ssh.
 */
final class SshKeys implements AutoCloseable {
    private final SshdSessionFactory factory;

    SshKeys(Path home, SyncConfig.Ssh config) {
        try {
            Files.createDirectories(home);
            // JGit reads OpenSSH's client config from here; this one makes host key checking strict.
            // With IdentitiesOnly (which also keeps any agent out) JGit offers only IdentityFile keys,
            // not the builder's default identities, so the configured key must be named here.
            String identity = config.identity() == null ? ""
                    : "  IdentityFile \"" + config.identity().toAbsolutePath().toString().replace("%", "%%") + "\"\n";
            Files.writeString(home.resolve("config"), "Host *\n  StrictHostKeyChecking yes\n  IdentitiesOnly yes\n"
                    + identity + "  PreferredAuthentications publickey\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + home, e);
        }
        SshdSessionFactoryBuilder b = new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(home.toFile())
                .setDefaultKnownHostsFiles(dir -> List.of(config.knownHosts()))
                .setPreferredAuthentications("publickey")
                // only the configured key (named in the config above), no id_* files
                .setDefaultIdentities(dir -> List.of());
        this.factory = b.build(null);
    }

    SshdSessionFactory sessionFactory() {
        return factory;
    }

    @Override
    public void close() {
        factory.close();
    }
}
