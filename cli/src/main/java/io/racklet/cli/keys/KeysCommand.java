package io.racklet.cli.keys;

import io.racklet.config.Entrypoint;
import io.racklet.controller.identity.IdentityRole;
import io.racklet.controller.identity.RackAuthority;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racklet keys}: the rack's certificate authority. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "The rack's certificate authority: create it, issue and revoke agents' certificates.",
        subcommands = {KeysCommand.Init.class, KeysCommand.Issue.class, KeysCommand.Revoke.class, KeysCommand.ListIssued.class})
public final class KeysCommand extends io.racklet.cli.CommandGroup {

    /** Where the CA lives. */
    public static final class CaDir {
        @Option(names = "--ca", defaultValue = ".racklet/ca", description = "The CA's folder (default: ${DEFAULT-VALUE}).")
        Path dir;
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Creates the rack's CA (EC P-256, 10 years): ca.key, ca.crt, crl.pem.")
    static final class Init implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        CaDir ca = new CaDir();

        @Option(names = "--rack", defaultValue = "demo", description = "The rack's name (default: ${DEFAULT-VALUE}).")
        String rack;

        @Override
        public Integer call() {
            RackAuthority a = RackAuthority.create(ca.dir, rack, Clock.systemUTC());
            System.out.println("rack CA created in " + ca.dir + ": " + a.certificate().getSubjectX500Principal().getName());
            return Entrypoint.OK;
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "Issues a certificate and key for an agent, the controller or a reader.")
    static final class Issue implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        CaDir ca = new CaDir();

        @Parameters(paramLabel = "NAME", description = "The holder: a node's name, rmc, controller, or a reader's name.")
        String name;

        @Option(names = "--role", required = true, description = "bmc, rmc, controller or reader.")
        IdentityRole role;

        @Option(names = "--days", defaultValue = "365", description = "Validity in days (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--out", required = true, description = "Folder for NAME.key and NAME.crt.")
        Path out;

        @Override
        public Integer call() {
            var cert = RackAuthority.load(ca.dir, Clock.systemUTC()).issue(name, role, Duration.ofDays(days), out);
            System.out.println("issued " + role + " certificate for " + name + " (serial " + cert.getSerialNumber().toString(16)
                    + ", until " + cert.getNotAfter().toInstant() + "): " + out.resolve(name + ".crt"));
            return Entrypoint.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes every live certificate of NAME and rewrites crl.pem.")
    static final class Revoke implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        CaDir ca = new CaDir();

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            int n = RackAuthority.load(ca.dir, Clock.systemUTC()).revoke(name);
            System.out.println("revoked " + n + " certificate(s) of " + name + "; the new CRL is " + ca.dir.resolve("crl.pem"));
            return Entrypoint.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The certificates the CA issued.")
    static final class ListIssued implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        CaDir ca = new CaDir();

        @Override
        public Integer call() {
            for (var i : RackAuthority.load(ca.dir, Clock.systemUTC()).issued()) {
                System.out.printf("%-14s %-10s %-34s until %s%s%n", i.name(), i.role(), i.serial(), i.notAfter(),
                        i.revokedAt() == null ? "" : "  REVOKED " + i.revokedAt());
            }
            return Entrypoint.OK;
        }
    }
}
