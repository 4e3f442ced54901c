package io.racklet.sync.verify;

import io.racklet.sync.SyncRefusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifiers;

/**
 * Verifies an SSH commit signature with JGit's verifier (namespace "git", git's allowed_signers
 * and revocation file semantics). The trusted set is written as an allowed_signers file named by
 * its content, so a changed set is never read from a stale cache.
 */
final class SshSignatures {
    private final Path folder;
    private final Path revocationFile;

    SshSignatures(Path folder, Path revocationFile) {
        this.folder = folder;
        this.revocationFile = revocationFile;
    }

    TrustedKey verify(Repository repo, String commit, SignedPayload payload, TrustSet trust) throws SyncRefusal {
        Config config = new Config();
        config.setString("gpg", null, "format", "ssh");
        config.setString("gpg", "ssh", "allowedSignersFile", allowedSigners(trust).toString());
        if (hasRevocations()) config.setString("gpg", "ssh", "revocationFile", revocationFile.toAbsolutePath().toString());
        SignatureVerifier.SignatureVerification v;
        try {
            v = SignatureVerifiers.get(GpgConfig.GpgFormat.SSH).verify(repo, new GpgConfig(config), payload.data(), payload.signature());
        } catch (IOException | RuntimeException e) {
            throw new SyncRefusal(commit, "SSH signature cannot be checked: " + e.getMessage());
        }
        if (v == null) throw new SyncRefusal(commit, "the commit's SSH signature cannot be read");
        String fingerprint = v.keyFingerprint();
        TrustedKey key = fingerprint == null ? null : trust.byFingerprint(fingerprint).orElse(null);
        if (!v.verified()) {
            String why = v.message() == null ? "" : v.message();
            if (why.toLowerCase().contains("revoked")) {
                throw new SyncRefusal(commit, "signed by the revoked SSH key " + fingerprint);
            }
            if (key == null) {
                throw new SyncRefusal(commit, "signed by SSH key " + fingerprint + ", which is not a trusted admin key");
            }
            throw new SyncRefusal(commit, "bad SSH signature by " + key.owner() + ": the commit is not what was signed (tampered or forged)"
                    + (why.isEmpty() ? "" : " [" + why + "]"));
        }
        if (key == null) {
            throw new SyncRefusal(commit, "signed by SSH key " + fingerprint + ", which is not a trusted admin key");
        }
        return key;
    }

    /** Read on every check, so a key revoked while the agent runs is refused at once. */
    private boolean hasRevocations() {
        try {
            // JGit reads an empty file as a broken binary revocation list; empty means none revoked
            return revocationFile != null && Files.exists(revocationFile) && Files.size(revocationFile) > 0;
        } catch (IOException e) {
            return true; // let the verifier report the unreadable file rather than ignore it
        }
    }

    private Path allowedSigners(TrustSet trust) throws SyncRefusal {
        String content = trust.ofFormat(TrustedKey.Format.SSH).stream()
                .map(k -> "\"" + k.owner() + "\" namespaces=\"git\" " + k.material())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            String name = "allowed_signers-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
            Path file = folder.resolve(name);
            if (!Files.exists(file)) {
                Files.createDirectories(folder);
                io.racklet.state.AtomicFile.write(file, bytes);
            }
            return file;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new SyncRefusal(null, "cannot write the trusted keys for verification: " + e.getMessage());
        }
    }
}
