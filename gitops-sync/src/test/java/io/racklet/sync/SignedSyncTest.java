package io.racklet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.racklet.protocol.message.PowerState;
import io.racklet.protocol.message.SyncStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The happy paths with real git, ssh-keygen and gpg: what a trusted admin signs is applied. */
class SignedSyncTest {
    @TempDir
    Path tmp;

    @Test
    void appliesSshSignedCommitsAndNamesTheSigner() throws Exception {
        RackRepo repo = new RackRepo(tmp.resolve("repo"));
        RackRepo.SshAdmin alice = repo.sshAdmin("alice");
        repo.write("rack.yaml", RackRepo.rack("node-1=on"));
        String first = repo.commitSsh(alice, "first rack");
        repo.push();
        SyncConfig config = SyncHarness.sshConfig(repo, tmp.resolve("agent"), SyncConfig.Policy.strict, "alice " + alice.publicKey());
        try (SyncHarness h = new SyncHarness(config, tmp.resolve("agent"))) {
            SyncStatus s = h.sync();
            assertNull(s.error(), s.error());
            assertEquals(first, s.applied());
            assertEquals("alice", s.signer());
            assertEquals(PowerState.ON, h.last().declaration().node("node-1").orElseThrow().spec().power());

            repo.write("rack.yaml", RackRepo.rack("node-1=off"));
            String second = repo.commitSsh(alice, "node-1 off");
            repo.push();
            s = h.sync();
            assertEquals(second, s.applied(), s.error());
            assertEquals(PowerState.OFF, h.last().declaration().node("node-1").orElseThrow().spec().power());
            assertTrue(h.last().cause().contains(second.substring(0, 12)) && h.last().cause().contains("alice"), h.last().cause());
        }
    }

    @Test
    void appliesOpenPgpSignedCommits() throws Exception {
        RackRepo repo = new RackRepo(tmp.resolve("repo"));
        RackRepo.GpgAdmin bob = repo.gpgAdmin("bob", "never");
        repo.write("rack.yaml", RackRepo.rack("node-1=on"));
        String first = repo.commitGpg(bob, "first rack");
        repo.push();
        Path keyFile = tmp.resolve("bob.asc");
        java.nio.file.Files.writeString(keyFile, bob.armoured());
        SyncConfig config = new SyncConfig(repo.remoteUrl(), null, null, java.time.Duration.ofHours(1), null,
                new SyncConfig.Trust(null, java.util.List.of(keyFile), null, null), null);
        try (SyncHarness h = new SyncHarness(config, tmp.resolve("agent"))) {
            SyncStatus s = h.sync();
            assertNull(s.error(), s.error());
            assertEquals(first, s.applied());
            assertTrue(s.signer().contains("bob"), s.signer());
        }
    }

    @Test
    void aRemoteThatIsAwayLeavesTheLastGoodStateAndSaysSo() throws Exception {
        RackRepo repo = new RackRepo(tmp.resolve("repo"));
        RackRepo.SshAdmin alice = repo.sshAdmin("alice");
        repo.write("rack.yaml", RackRepo.rack("node-1=on"));
        String good = repo.commitSsh(alice, "rack");
        repo.push();
        SyncConfig config = SyncHarness.sshConfig(repo, tmp.resolve("agent"), SyncConfig.Policy.strict, "alice " + alice.publicKey());
        try (SyncHarness h = new SyncHarness(config, tmp.resolve("agent"))) {
            assertEquals(good, h.sync().applied());
            java.nio.file.Files.move(repo.remote, tmp.resolve("remote-away.git"));
            SyncStatus s = h.sync();
            assertEquals(good, s.applied(), "the last good commit stays applied");
            assertTrue(s.error() != null && s.error().contains("cannot fetch"), String.valueOf(s.error()));
            assertEquals(1, h.applied.size());
            assertEquals(1, h.refusals.size(), "reported once");
            h.sync();
            assertEquals(1, h.refusals.size(), "not again at every interval");
            java.nio.file.Files.move(tmp.resolve("remote-away.git"), repo.remote);
            s = h.sync();
            assertNull(s.error(), "back: " + s.error());
        }
    }
}
