package io.racklet.cli.demo;

import io.racklet.cli.spec.RackTemplate;
import io.racklet.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo's rack repository: a Git work tree whose commits are signed with a generated demo admin
 * SSH key (real {@code git} and {@code ssh-keygen}), so a newcomer can edit {@code rack.yaml},
 * {@code git commit -a} (signing is configured) and watch the rack follow. A post-commit hook asks
 * the controller to sync at once. Kept across demo runs: delete the state folder to start over.
 */
public final class DemoRepository {
    public static final String ADMIN = "demo-admin";
    private final Path dir;
    private final Path keys;

    public DemoRepository(Path stateDir) {
        this.dir = stateDir.resolve("rack");
        this.keys = stateDir.resolve("keys");
    }

    public Path dir() {
        return dir;
    }

    public Path adminKey() {
        return keys.resolve(ADMIN);
    }

    /** The agents' pinned trust: the demo admin's key in git's allowed_signers format. */
    public Path allowedSigners() {
        return keys.resolve("allowed_signers");
    }

    /** The demo admin's login for the controller: "user:password", readable by this user only. */
    public Path credentials() {
        return dir.resolveSibling("credentials");
    }

    public String remote() {
        return "file://" + dir;
    }

    /** Creates keys and repository unless they exist; (re)writes the sync hook for this run's port. */
    public void prepare(int nodes, Double budgetWatts, int httpPort, RackTemplate.Boot boot) {
        try {
            if (!Files.exists(adminKey())) {
                Files.createDirectories(keys);
                run(keys, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", ADMIN + "@racklet-demo", "-f", adminKey().toString());
            }
            String publicKey = Files.readString(Path.of(adminKey() + ".pub")).strip();
            String passwordHash = null;
            if (!Files.exists(credentials())) {
                byte[] raw = new byte[12];
                new java.security.SecureRandom().nextBytes(raw);
                String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                Files.writeString(credentials(), ADMIN + ":" + password + "\n");
                Files.setPosixFilePermissions(credentials(), PosixFilePermissions.fromString("rw-------"));
                passwordHash = io.racklet.controller.auth.PasswordHash.create(password.toCharArray());
            }
            Files.writeString(allowedSigners(), ADMIN + " namespaces=\"git\" " + publicKey + "\n");
            boolean fresh = !Files.exists(dir.resolve(".git"));
            if (!fresh) {
                System.err.println("note: using the existing rack repository " + dir + " (delete it to start from the options again)");
            } else {
                Files.createDirectories(dir);
                git("init", "-q", "-b", "main");
                git("config", "user.name", "Demo Admin");
                git("config", "user.email", ADMIN + "@racklet-demo");
                git("config", "gpg.format", "ssh");
                git("config", "user.signingkey", adminKey().toString());
                git("config", "commit.gpgsign", "true");
                git("config", "gpg.ssh.allowedSignersFile", allowedSigners().toString());
                Files.writeString(dir.resolve("rack.yaml"), RackTemplate.yaml(DemoTopology.RACK, nodes, budgetWatts, ADMIN, publicKey, passwordHash, boot));
                git("add", "rack.yaml");
                git("commit", "-q", "-m", "Demo rack: " + nodes + " nodes");
            }
            Path hook = dir.resolve(".git/hooks/post-commit");
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, """
                    #!/bin/sh
                    # Racklet demo: ask the rack to fetch this commit now instead of at its next interval.
                    command -v curl >/dev/null 2>&1 && curl -fsS -m 10 -X POST http://127.0.0.1:%d/api/v1/sync >/dev/null 2>&1 &
                    exit 0
                    """.formatted(httpPort));
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new ConfigException("cannot prepare the demo rack repository in " + dir + ": " + e.getMessage());
        }
    }

    public String git(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return run(dir, cmd.toArray(String[]::new));
    }

    private static String run(Path cwd, String... command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ConfigException("the demo needs '" + command[0] + "' (apt-get install git openssh-client): " + e.getMessage());
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out");
            }
            if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed: " + out.strip());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
