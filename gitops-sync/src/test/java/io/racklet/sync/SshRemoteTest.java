package io.racklet.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.racklet.protocol.message.PowerState;
import io.racklet.protocol.message.SyncStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh:// remotes against a real OpenSSH server on loopback: the agent fetches only from a server
 * whose host key is pinned in its known_hosts (never trusting on first use, never writing the
 * file) and authenticates with its configured key only.
 */
class SshRemoteTest {
    @TempDir
    Path tmp;
    RackRepo repo;
    RackRepo.SshAdmin alice;
    String signed;
    SshGitServer server;

    @BeforeEach
    void signedRepoServedOverSsh() throws Exception {
        repo = new RackRepo(tmp.resolve("repo"));
        alice = repo.sshAdmin("alice");
        repo.write("rack.yaml", RackRepo.rack("node-1=on"));
        signed = repo.commitSsh(alice, "first rack");
        repo.push();
        server = new SshGitServer(repo, tmp.resolve("sshd"));
    }

    @AfterEach
    void stopServer() {
        if (server != null) server.close();
    }

    private SyncHarness agent(Path agentDir, Path identity, String... knownHosts) throws Exception {
        Path known = agentDir.resolve("known_hosts");
        Files.createDirectories(agentDir);
        Files.writeString(known, String.join("\n", knownHosts) + "\n");
        SyncConfig local = SyncHarness.sshConfig(repo, agentDir, SyncConfig.Policy.strict, "alice " + alice.publicKey());
        SyncConfig config = new SyncConfig(server.url(), local.branch(), local.path(), local.interval(), local.policy(), local.trust(),
                new SyncConfig.Ssh(identity, known));
        return new SyncHarness(config, agentDir.resolve("state"));
    }

    @Test
    void fetchesOverSshFromAPinnedHost() throws Exception {
        Path agentDir = tmp.resolve("agent");
        try (SyncHarness h = agent(agentDir, server.clientKey, server.knownHostsLine())) {
            byte[] known = Files.readAllBytes(agentDir.resolve("known_hosts"));
            SyncStatus s = h.sync();
            assertNull(s.error(), s.error() + "\nsshd log:\n" + server.logText());
            assertEquals(signed, s.applied());
            assertEquals("alice", s.signer());
            assertEquals(PowerState.ON, h.last().declaration().node("node-1").orElseThrow().spec().power());
            assertTrue(server.logText().contains("Accepted publickey for root"), "fetched through sshd:\n" + server.logText());
            assertArrayEquals(known, Files.readAllBytes(agentDir.resolve("known_hosts")), "known_hosts untouched");
        }
    }

    @Test
    void refusesAServerWhoseHostKeyIsNotPinned() throws Exception {
        String otherKey = SshGitServer.publicKey(server.keyPair(tmp, "impostor_host"));
        // a changed key for this very host, and a known_hosts that does not know this host at all
        String elsewhere = "[127.0.0.1]:1 " + SshGitServer.publicKey(server.keyPair(tmp, "elsewhere_host"));
        List<String> knownHosts = List.of(server.knownHostsLine(otherKey), elsewhere);
        for (int i = 0; i < knownHosts.size(); i++) {
            Path agentDir = tmp.resolve("agent-" + i);
            try (SyncHarness h = agent(agentDir, server.clientKey, knownHosts.get(i))) {
                byte[] known = Files.readAllBytes(agentDir.resolve("known_hosts"));
                SyncStatus s = h.sync();
                String context = knownHosts.get(i) + " -> " + s.error();
                assertTrue(s.error() != null && s.error().startsWith("cannot fetch " + server.url()), context);
                assertTrue(s.error().contains("Server key did not validate"), context);
                assertNull(s.applied(), context);
                assertTrue(h.applied.isEmpty(), "nothing applied: " + context);
                assertEquals(1, h.refusals.size(), "refusal reported: " + h.refusals);
                assertArrayEquals(known, Files.readAllBytes(agentDir.resolve("known_hosts")), "no trust on first use: " + context);
                try (Stream<Path> files = Files.walk(agentDir.resolve("state"))) {
                    assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("known_hosts")), "no known_hosts written by the agent");
                }
            }
        }
        assertFalse(server.logText().contains("Accepted publickey"), "never authenticated:\n" + server.logText());
    }

    @Test
    void refusesWhenTheServerDoesNotAuthorizeTheClientKey() throws Exception {
        Path stranger = server.keyPair(tmp, "stranger");
        try (SyncHarness h = agent(tmp.resolve("agent"), stranger, server.knownHostsLine())) {
            SyncStatus s = h.sync();
            assertTrue(s.error() != null && s.error().startsWith("cannot fetch " + server.url()), String.valueOf(s.error()));
            assertTrue(s.error().contains("Cannot log in at 127.0.0.1:" + server.port), s.error());
            assertTrue(s.error().contains("server refused ssh-ed25519 key " + stranger), "the configured key was offered: " + s.error());
            assertNull(s.applied(), s.error());
            assertTrue(h.applied.isEmpty(), "nothing applied");
            assertEquals(1, h.refusals.size(), "refusal reported: " + h.refusals);
            assertFalse(server.logText().contains("Accepted publickey"), "never authenticated:\n" + server.logText());
        }
    }
}
