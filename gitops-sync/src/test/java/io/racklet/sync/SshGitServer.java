package io.racklet.sync;

import io.racklet.net.LoopbackPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 that serves a {@link RackRepo}'s bare remote over ssh://,
 * as root, with its own host key and one authorized client key (both made by ssh-keygen). Runs
 * {@code sshd -D -e} in the foreground as a child process; {@link #close()} stops it.
 */
final class SshGitServer implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    // sshd's privilege separation needs this empty directory; Debian makes it only when the service starts
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

    final int port;
    final Path clientKey;
    final Path log;
    private final RackRepo repo;
    private final String hostKeyLine;
    private final Process sshd;

    SshGitServer(RackRepo repo, Path dir) throws IOException, InterruptedException {
        this.repo = repo;
        Files.createDirectories(dir);
        Files.createDirectories(PRIVSEP_DIR);
        Path hostKey = keyPair(dir, "host_ed25519");
        this.clientKey = keyPair(dir, "client_ed25519");
        Path authorized = dir.resolve("authorized_keys");
        Files.writeString(authorized, Files.readString(Path.of(clientKey + ".pub")));
        this.hostKeyLine = publicKey(hostKey);
        this.port = LoopbackPorts.free();
        this.log = dir.resolve("sshd.log");
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorized,
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PidFile " + dir.resolve("sshd.pid"),
                "AllowTcpForwarding no",
                "X11Forwarding no",
                "PrintMotd no",
                "LogLevel VERBOSE",
                ""));
        repo.run(dir, SSHD.toString(), "-t", "-f", config.toString());
        this.sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening();
    }

    /** The remote's ssh:// address with its absolute path on this server. */
    String url() {
        return "ssh://root@127.0.0.1:" + port + repo.remote.toAbsolutePath();
    }

    /** The known_hosts line that trusts this server's host key. */
    String knownHostsLine() {
        return knownHostsLine(hostKeyLine);
    }

    /** A known_hosts line that names this server with another key ({@code "ssh-ed25519 AAAA..."}). */
    String knownHostsLine(String publicKey) {
        return "[127.0.0.1]:" + port + " " + publicKey;
    }

    /** A fresh ed25519 key pair in {@code dir}; returns the private key. */
    Path keyPair(Path dir, String name) throws IOException {
        Path key = dir.resolve(name);
        repo.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
        return key;
    }

    /** "type base64" of a key pair's public half, without the comment. */
    static String publicKey(Path privateKey) throws IOException {
        String[] parts = Files.readString(Path.of(privateKey + ".pub")).strip().split("\\s+");
        return parts[0] + " " + parts[1];
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no sshd log: " + e.getMessage() + ")";
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!sshd.isAlive()) throw new IOException("sshd exited (" + sshd.exitValue() + "): " + logText());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IOException("sshd did not listen on 127.0.0.1:" + port + " within 10s: " + logText());
    }

    @Override
    public void close() {
        // per-connection children first (they outlive the listener), then the listener itself
        sshd.descendants().forEach(ProcessHandle::destroy);
        sshd.destroy();
        try {
            if (!sshd.waitFor(5, TimeUnit.SECONDS)) {
                sshd.descendants().forEach(ProcessHandle::destroyForcibly);
                sshd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
