package io.racklet.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A rack repository driven with the real {@code git}, {@code ssh-keygen} and {@code gpg}: a work
 * tree that admins commit in and a bare "remote" that agents fetch from.
 */
public final class RackRepo {
    public final Path root;
    public final Path work;
    public final Path remote;
    private final Path home;

    /** An admin's SSH key: its private key file and public key line. */
    public record SshAdmin(String name, Path privateKey, String publicKey) {}

    /** An admin's OpenPGP key in its own GnuPG home. */
    public record GpgAdmin(String name, Path gnupgHome, String fingerprint, String armoured) {}

    public RackRepo(Path root) throws IOException {
        this.root = root;
        this.work = root.resolve("work");
        this.remote = root.resolve("remote.git");
        this.home = root.resolve("home");
        Files.createDirectories(work);
        Files.createDirectories(home);
        run(root, "git", "init", "-q", "--bare", "-b", "main", remote.toString());
        git("init", "-q", "-b", "main");
        git("remote", "add", "origin", remote.toString());
    }

    public String remoteUrl() {
        return "file://" + remote;
    }

    public SshAdmin sshAdmin(String name) throws IOException {
        Path key = root.resolve("keys").resolve(name);
        Files.createDirectories(key.getParent());
        run(root, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
        String pub = Files.readString(Path.of(key + ".pub")).strip();
        return new SshAdmin(name, key, pub);
    }

    /** A fresh OpenPGP key; {@code expire} as gpg takes it ("never", "1d", or a date). */
    public GpgAdmin gpgAdmin(String name, String expire) throws IOException {
        Path gnupg = root.resolve("gnupg-" + name);
        Files.createDirectories(gnupg);
        gnupg.toFile().setReadable(false, false);
        gnupg.toFile().setReadable(true, true);
        gnupg.toFile().setExecutable(true, true);
        List<String> env = List.of("GNUPGHOME=" + gnupg);
        run(root, env, "gpg", "--batch", "--passphrase", "", "--quick-gen-key", name + " <" + name + "@rack.example>", "ed25519", "sign", expire);
        String colons = run(root, env, "gpg", "--batch", "--with-colons", "--list-keys", name);
        String fpr = colons.lines().filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
        String armoured = run(root, env, "gpg", "--batch", "--armor", "--export", fpr);
        return new GpgAdmin(name, gnupg, fpr, armoured);
    }

    /** Revokes the key in its own keyring and returns the armoured key carrying the revocation. */
    public String revokeGpg(GpgAdmin admin) throws IOException {
        List<String> env = List.of("GNUPGHOME=" + admin.gnupgHome());
        Path rev = admin.gnupgHome().resolve("openpgp-revocs.d").resolve(admin.fingerprint() + ".rev");
        String text = Files.readString(rev).replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----", "-----BEGIN PGP PUBLIC KEY BLOCK-----");
        Path cleaned = root.resolve(admin.name() + ".rev");
        Files.writeString(cleaned, text);
        run(root, env, "gpg", "--batch", "--import", cleaned.toString());
        return run(root, env, "gpg", "--batch", "--armor", "--export", admin.fingerprint());
    }

    public void write(String path, String content) throws IOException {
        Path f = work.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    public String commitSsh(SshAdmin admin, String message) throws IOException {
        git("add", "-A");
        git("-c", "gpg.format=ssh", "-c", "user.signingkey=" + admin.privateKey(), "commit", "-q", "--allow-empty", "-S", "-m", message);
        return head();
    }

    public String commitGpg(GpgAdmin admin, String message) throws IOException {
        git("add", "-A");
        run(work, List.of("GNUPGHOME=" + admin.gnupgHome()), "git", "-c", "gpg.format=openpgp", "-c", "user.signingkey=" + admin.fingerprint(),
                "commit", "-q", "--allow-empty", "-S", "-m", message);
        return head();
    }

    public String commitUnsigned(String message) throws IOException {
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "--no-gpg-sign", "-m", message);
        return head();
    }

    public void push() throws IOException {
        git("push", "-q", "origin", "main");
    }

    public void forcePush(String commit) throws IOException {
        git("push", "-q", "--force", "origin", commit + ":refs/heads/main");
    }

    public String head() throws IOException {
        return git("rev-parse", "HEAD").strip();
    }

    public String git(String... args) throws IOException {
        String[] all = new String[args.length + 1];
        all[0] = "git";
        System.arraycopy(args, 0, all, 1, args.length);
        return run(work, List.of(), all);
    }

    public String run(Path dir, String... command) throws IOException {
        return run(dir, List.of(), command);
    }

    /** Runs a real command with a clean git identity and no user configuration; fails loudly. */
    public String run(Path dir, List<String> env, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.put("HOME", home.toString());
        e.put("GIT_CONFIG_NOSYSTEM", "1");
        e.put("GIT_AUTHOR_NAME", "Rack Admin");
        e.put("GIT_AUTHOR_EMAIL", "admin@rack.example");
        e.put("GIT_COMMITTER_NAME", "Rack Admin");
        e.put("GIT_COMMITTER_EMAIL", "admin@rack.example");
        for (String kv : env) e.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        Process p = pb.start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(Arrays.toString(command) + " timed out");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
        return out;
    }

    /** A minimal valid rack: one Rack and the given nodes with their power. */
    public static String rack(String... nodePower) {
        StringBuilder b = new StringBuilder("""
                apiVersion: racklet.io/v1alpha1
                kind: Rack
                metadata: {name: lab}
                spec: {description: test rack}
                """);
        List<String> parts = new ArrayList<>(List.of(nodePower));
        for (int i = 0; i < parts.size(); i++) {
            String[] np = parts.get(i).split("=");
            b.append("---\napiVersion: racklet.io/v1alpha1\nkind: Node\nmetadata: {name: ").append(np[0])
                    .append("}\nspec: {slot: ").append(i + 1).append(", power: ").append(np[1]).append("}\n");
        }
        return b.toString();
    }

    /** A User document for an admin with an SSH key. */
    public static String sshUser(String name, String publicKey) {
        return "---\napiVersion: racklet.io/v1alpha1\nkind: User\nmetadata: {name: " + name + "}\nspec:\n  role: admin\n"
                + "  signingKeys:\n  - ssh: \"" + publicKey + "\"\n";
    }
}
