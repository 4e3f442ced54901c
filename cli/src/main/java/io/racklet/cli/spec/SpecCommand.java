package io.racklet.cli.spec;

import io.racklet.config.ConfigException;
import io.racklet.config.Entrypoint;
import io.racklet.protocol.resource.RackDeclaration;
import io.racklet.protocol.resource.SpecException;
import io.racklet.protocol.resource.SpecLoader;
import io.racklet.protocol.resource.SpecProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racklet spec}: write and check rack specs before committing them. */
@Command(name = "spec", mixinStandardHelpOptions = true, description = "Write and check rack specs (the rack repository's YAML).",
        subcommands = {SpecCommand.Validate.class, SpecCommand.Init.class, SpecCommand.HashPassword.class})
public final class SpecCommand extends io.racklet.cli.CommandGroup {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Checks every YAML file in a folder (or one file) against the schema and the rack's rules.",
                    "Prints each problem as file:line:column: message. Exits 0 when valid, 2 otherwise."})
    public static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "A rack spec folder or file.")
        Path dir;

        @Override
        public Integer call() {
            try {
                RackDeclaration d = SpecLoader.load(dir);
                System.out.printf("%s: valid: rack '%s', %d node(s), %d user(s), %d boot profile(s)%s%n", dir, d.rack().name(),
                        d.nodes().size(), d.users().size(), d.bootProfiles().size(),
                        d.fanPolicy().map(f -> ", fan policy '" + f.name() + "'").orElse(""));
                return Entrypoint.OK;
            } catch (SpecException e) {
                for (SpecProblem p : e.problems()) System.err.println(p);
                System.err.println(e.problems().size() + " problem(s)");
                return Entrypoint.BAD_INPUT;
            }
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Writes a commented example rack spec (rack.yaml) into DIR.")
    public static final class Init implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "Folder to create the spec in.")
        Path dir;

        @Option(names = "--rack", defaultValue = "lab", description = "The rack's name (default: ${DEFAULT-VALUE}).")
        String rack;

        @Option(names = "--nodes", defaultValue = "3", description = "Nodes to declare (default: ${DEFAULT-VALUE}).")
        int nodes;

        @Option(names = "--admin-key", paramLabel = "FILE.pub", description = "Your SSH public key: declares you as the admin.")
        Path adminKey;

        @Option(names = "--admin", defaultValue = "admin", description = "The admin's name (default: ${DEFAULT-VALUE}).")
        String admin;

        @Override
        public Integer call() throws IOException {
            Path file = dir.resolve("rack.yaml");
            if (Files.exists(file)) throw new ConfigException(file + " already exists; not overwriting it");
            String key = adminKey == null ? null : Files.readString(adminKey).strip();
            Files.createDirectories(dir);
            Files.writeString(file, RackTemplate.yaml(rack, nodes, null, admin, key));
            SpecLoader.load(dir); // what we write must itself be valid
            System.out.println("wrote " + file + "; check it with: ./racklet spec validate " + dir);
            return Entrypoint.OK;
        }
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = {"Reads a password (from the terminal, or one line on standard input) and prints its bcrypt hash",
                    "for a User's passwordHash in the rack spec."})
    public static final class HashPassword implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            char[] password;
            if (System.console() != null) {
                password = System.console().readPassword("password: ");
            } else {
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) throw new ConfigException("no password on standard input");
                password = line.toCharArray();
            }
            if (password == null || password.length < 8) throw new ConfigException("a password needs at least 8 characters");
            System.out.println(io.racklet.controller.auth.PasswordHash.create(password));
            return Entrypoint.OK;
        }
    }
}
