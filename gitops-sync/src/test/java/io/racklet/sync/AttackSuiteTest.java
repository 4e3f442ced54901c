package io.racklet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.racklet.protocol.message.SyncStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every attack on the rack repository leaves the last good commit applied, names the refused
 * commit and says why; nothing of the attack reaches the agent. Real git, ssh-keygen and gpg.
 */
class AttackSuiteTest {
    @TempDir
    Path tmp;
    RackRepo repo;
    RackRepo.SshAdmin alice;
    String good;

    @BeforeEach
    void goodCommit() throws Exception {
        repo = new RackRepo(tmp.resolve("repo"));
        alice = repo.sshAdmin("alice");
        repo.write("rack.yaml", RackRepo.rack("node-1=on", "node-2=on"));
        good = repo.commitSsh(alice, "good rack");
        repo.push();
    }

    private SyncHarness agent(SyncConfig.Policy policy) throws Exception {
        return new SyncHarness(SyncHarness.sshConfig(repo, tmp.resolve("agent"), policy, "alice " + alice.publicKey()), tmp.resolve("agent"));
    }

    /** Applies the good commit, runs the attack, and checks the refusal. */
    private SyncStatus refused(SyncHarness h, String expectedReason) throws Exception {
        SyncStatus s = h.sync();
        assertEquals(good, s.applied(), "the last good commit stays applied");
        assertTrue(s.error() != null && s.error().contains(expectedReason), "reason '" + expectedReason + "' in: " + s.error());
        assertEquals(1, h.applied.size(), "nothing new applied");
        assertTrue(h.refusals.stream().anyMatch(r -> r.contains(expectedReason)), "refusal reported: " + h.refusals);
        return s;
    }

    private SyncHarness appliedGood(SyncConfig.Policy policy) throws Exception {
        SyncHarness h = agent(policy);
        SyncStatus s = h.sync();
        assertEquals(good, s.applied(), String.valueOf(s.error()));
        return h;
    }

    @Test
    void unsignedCommit() throws Exception {
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on"));
            String bad = repo.commitUnsigned("sneaky");
            repo.push();
            assertEquals(bad, refused(h, "not signed").refused());
        }
    }

    @Test
    void signatureByAnUnknownKey() throws Exception {
        RackRepo.SshAdmin mallory = repo.sshAdmin("mallory");
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on"));
            repo.commitSsh(mallory, "mallory was here");
            repo.push();
            refused(h, "not a trusted admin key");
        }
    }

    @Test
    void signatureByAKeyInTheRevocationFile() throws Exception {
        Path revocations = tmp.resolve("revoked_keys");
        Files.writeString(revocations, "");
        Path allowed = tmp.resolve("agent-allowed");
        Files.writeString(allowed, "alice " + alice.publicKey() + "\n");
        SyncConfig config = new SyncConfig(repo.remoteUrl(), null, null, Duration.ofHours(1), null,
                new SyncConfig.Trust(allowed, List.of(), revocations, List.of()), null);
        try (SyncHarness h = new SyncHarness(config, tmp.resolve("agent"))) {
            SyncStatus first = h.sync();
            assertEquals(good, first.applied(), first.error());
            Files.writeString(revocations, alice.publicKey() + "\n"); // alice's key was stolen
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on"));
            repo.commitSsh(alice, "signed with the stolen key");
            repo.push();
            refused(h, "revoked");
        }
    }

    @Test
    void signatureByARevokedOpenPgpKey() throws Exception {
        RackRepo.GpgAdmin bob = repo.gpgAdmin("bob", "never");
        repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on"));
        repo.commitGpg(bob, "signed, then bob's key is revoked");
        repo.push();
        String revoked = repo.revokeGpg(bob);
        Path allowed = tmp.resolve("agent-allowed");
        Files.writeString(allowed, "alice " + alice.publicKey() + "\n");
        Path bobKey = tmp.resolve("bob.asc");
        Files.writeString(bobKey, revoked);
        SyncConfig config = new SyncConfig(repo.remoteUrl(), null, null, Duration.ofHours(1), null,
                new SyncConfig.Trust(allowed, List.of(bobKey), null, List.of()), null);
        try (SyncHarness h = new SyncHarness(config, tmp.resolve("agent"))) {
            SyncStatus s = h.sync();
            assertNull(s.applied());
            assertTrue(s.error().contains("revoked OpenPGP key"), s.error());
        }
    }

    @Test
    void expiredKey() throws Exception {
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            // alice declares her own key with an expiry in the past: it signs nothing new after that
            repo.write("rack.yaml", RackRepo.rack("node-1=on", "node-2=on")
                    + RackRepo.sshUser("alice", alice.publicKey()) + "    expires: 2020-01-01\n");
            String declared = repo.commitSsh(alice, "declare alice with an expiry");
            repo.push();
            assertEquals(declared, h.sync().applied());
            good = declared;
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on")
                    + RackRepo.sshUser("alice", alice.publicKey()) + "    expires: 2020-01-01\n");
            repo.commitSsh(alice, "signed with an expired key");
            repo.push();
            h.applied.remove(0);
            refused(h, "expired on 2020-01-01");
        }
    }

    @Test
    void tamperedCommitObject() throws Exception {
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            repo.write("rack.yaml", RackRepo.rack("node-1=on", "node-2=on", "node-3=on"));
            String signed = repo.commitSsh(alice, "add node-3");
            // same signature, different content: the tree of the good commit with node-3 dropped
            String raw = repo.git("cat-file", "commit", signed);
            String goodTree = repo.git("rev-parse", good + "^{tree}").strip();
            String tampered = raw.replaceFirst("tree [0-9a-f]{40}", "tree " + goodTree);
            Path object = tmp.resolve("tampered-commit");
            Files.writeString(object, tampered);
            String forged = repo.git("hash-object", "-t", "commit", "-w", object.toString()).strip();
            repo.forcePush(forged);
            refused(h, "bad SSH signature");
        }
    }

    @Test
    void forcePushedRollback() throws Exception {
        try (SyncHarness h = agent(SyncConfig.Policy.strict)) {
            String first = good;
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on"));
            good = repo.commitSsh(alice, "node-1 off");
            repo.push();
            assertEquals(good, h.sync().applied());
            repo.forcePush(first); // an old, validly signed state
            refused(h, "does not descend from the applied commit");
        }
    }

    @Test
    void trustChangeSignedOnlyByTheKeyItAdds() throws Exception {
        RackRepo.SshAdmin mallory = repo.sshAdmin("mallory");
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on") + RackRepo.sshUser("mallory", mallory.publicKey()));
            repo.commitSsh(mallory, "mallory makes herself admin");
            repo.push();
            refused(h, "not a trusted admin key");
        }
    }

    @Test
    void keyRotationSignedByTheOldKeyIsFollowed() throws Exception {
        RackRepo.SshAdmin bob = repo.sshAdmin("bob");
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            repo.write("rack.yaml", RackRepo.rack("node-1=on", "node-2=on") + RackRepo.sshUser("bob", bob.publicKey()));
            repo.commitSsh(alice, "alice hands over to bob");
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on") + RackRepo.sshUser("bob", bob.publicKey()));
            String bobs = repo.commitSsh(bob, "bob's first change");
            repo.push();
            SyncStatus s = h.sync();
            assertEquals(bobs, s.applied(), s.error());
            assertEquals("bob", s.signer());
            // alice is no longer an admin: her signature is now refused
            good = bobs;
            repo.write("rack.yaml", RackRepo.rack("node-1=on", "node-2=off") + RackRepo.sshUser("bob", bob.publicKey()));
            repo.commitSsh(alice, "alice after rotation");
            repo.push();
            h.applied.remove(0);
            refused(h, "not a trusted admin key");
        }
    }

    @Test
    void trustChangeNeedsTheThresholdOfAdminsTrustedBefore() throws Exception {
        RackRepo.SshAdmin carol = repo.sshAdmin("carol");
        RackRepo.SshAdmin dave = repo.sshAdmin("dave");
        String twoAdmins = RackRepo.sshUser("alice", alice.publicKey()) + RackRepo.sshUser("carol", carol.publicKey());
        repo.write("rack.yaml", RackRepo.rack("node-1=on").replace("spec: {description: test rack}",
                "spec: {description: test rack, trustThreshold: 2}") + twoAdmins);
        good = repo.commitSsh(alice, "two admins, two must sign trust changes");
        repo.push();
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            String withDave = RackRepo.rack("node-1=on").replace("spec: {description: test rack}",
                    "spec: {description: test rack, trustThreshold: 2}") + twoAdmins + RackRepo.sshUser("dave", dave.publicKey());
            repo.write("rack.yaml", withDave);
            String change = repo.commitSsh(alice, "alice adds dave");
            repo.push();
            SyncStatus s = refused(h, "signed by 1 of the 2 admins");
            assertEquals(change, s.refused());
            // carol approves with a commit of her own: now two admins trusted before the change signed
            String approved = repo.commitSsh(carol, "carol approves dave");
            repo.push();
            s = h.sync();
            assertEquals(approved, s.applied(), s.error());
        }
    }

    @Test
    void unsignedCommitHiddenUnderASignedHead() throws Exception {
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on"));
            String hidden = repo.commitUnsigned("hidden");
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=off"));
            repo.commitSsh(alice, "signed head on top");
            repo.push();
            assertEquals(hidden, refused(h, "not signed").refused());
        }
    }

    @Test
    void headPolicyVerifiesOnlyTheHead() throws Exception {
        try (SyncHarness h = appliedGood(SyncConfig.Policy.head)) {
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on"));
            repo.commitUnsigned("unsigned in between");
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=off"));
            String head = repo.commitSsh(alice, "signed head");
            repo.push();
            assertEquals(head, h.sync().applied());
        }
    }

    @Test
    void malformedYaml() throws Exception {
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on") + "---\nkind: [unclosed\n");
            repo.commitSsh(alice, "broken yaml");
            repo.push();
            refused(h, "not valid YAML");
        }
    }

    @Test
    void schemaViolation() throws Exception {
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on").replace("slot: 2", "slot: 99"));
            repo.commitSsh(alice, "slot out of range");
            repo.push();
            SyncStatus s = refused(h, "rack.yaml:");
            assertTrue(s.error().contains("slot"), s.error());
        }
    }

    @Test
    void oversizedFile() throws Exception {
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            repo.write("big.yaml", "# " + "x".repeat(1_100_000) + "\n");
            repo.commitSsh(alice, "a huge file");
            repo.push();
            refused(h, "big.yaml is 1100003 bytes");
        }
    }

    @Test
    void symlinkEscapingTheRepository() throws Exception {
        try (SyncHarness h = appliedGood(SyncConfig.Policy.strict)) {
            Files.createSymbolicLink(repo.work.resolve("nodes.yaml"), Path.of("../../../etc/passwd"));
            repo.commitSsh(alice, "a link out");
            repo.push();
            refused(h, "nodes.yaml is a symbolic link");
        }
    }

    @Test
    void restartResumesFromTheAppliedCommitAndStillRefusesRollback() throws Exception {
        String first = good;
        repo.write("rack.yaml", RackRepo.rack("node-1=off", "node-2=on"));
        good = repo.commitSsh(alice, "second");
        repo.push();
        try (SyncHarness h = agent(SyncConfig.Policy.strict)) {
            assertEquals(good, h.sync().applied());
        }
        repo.forcePush(first);
        try (SyncHarness h = agent(SyncConfig.Policy.strict)) {
            h.sync.start();
            SyncStatus s = h.sync();
            assertTrue(h.applied.get(0).restored(), "restored at start");
            h.applied.clear();
            h.applied.add(null); // refused() expects the one earlier apply
            assertEquals(good, s.applied());
            refused(h, "does not descend");
        }
    }
}
