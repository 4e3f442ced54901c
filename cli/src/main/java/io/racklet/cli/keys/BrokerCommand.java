package io.racklet.cli.keys;

import io.racklet.config.Entrypoint;
import io.racklet.controller.broker.MosquittoConfig;
import io.racklet.controller.identity.IdentityRole;
import io.racklet.controller.identity.RackAuthority;
import io.racklet.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racklet broker config}: a Mosquitto configuration with TLS and per-identity ACLs. */
@Command(name = "broker", mixinStandardHelpOptions = true, description = "The rack's external broker (Mosquitto).",
        subcommands = BrokerCommand.Config.class)
public final class BrokerCommand extends io.racklet.cli.CommandGroup {

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = {"Writes mosquitto.conf and its ACL file: mutual TLS with the rack CA, the CRL checked, and an ACL",
                    "per identity the CA issued. Issues the broker's own server certificate on the first run. Run again after",
                    "issuing or revoking a certificate, then reload Mosquitto (SIGHUP)."})
    static final class Config implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        KeysCommand.CaDir ca = new KeysCommand.CaDir();

        @Option(names = "--rack", defaultValue = "demo", description = "The rack's name (default: ${DEFAULT-VALUE}).")
        String rack;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--port", defaultValue = "8883", description = "Port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--out", required = true, description = "Folder for mosquitto.conf, acl and the broker's certificate.")
        Path out;

        @Override
        public Integer call() throws IOException {
            RackAuthority authority = RackAuthority.load(ca.dir, Clock.systemUTC());
            if (!out.resolve("broker.crt").toFile().exists()) {
                authority.issue(MosquittoConfig.BROKER, IdentityRole.controller, Duration.ofDays(365), out);
            }
            Path acl = out.resolve("acl");
            AtomicFile.write(acl, MosquittoConfig.acl(rack, authority.issued(), Clock.systemUTC().instant()).getBytes(StandardCharsets.UTF_8));
            // the broker gets copies of the CA's public files: the CA's own folder (with its key) stays private
            java.nio.file.Files.copy(ca.dir.resolve("ca.crt"), out.resolve("ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            java.nio.file.Files.copy(ca.dir.resolve("crl.pem"), out.resolve("crl.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path conf = out.resolve("mosquitto.conf");
            AtomicFile.write(conf, MosquittoConfig.conf(host, port, out.resolve("ca.crt").toAbsolutePath(), out.resolve("crl.pem").toAbsolutePath(),
                    out.resolve("broker.crt").toAbsolutePath(), out.resolve("broker.key").toAbsolutePath(), acl.toAbsolutePath())
                    .getBytes(StandardCharsets.UTF_8));
            handToMosquitto(out);
            System.out.println("wrote " + conf + " and " + acl + "; run: mosquitto -c " + conf);
            return Entrypoint.OK;
        }

        /** Mosquitto started as root drops to its own user before it reads certificates: let that user read them. */
        private static void handToMosquitto(Path out) throws IOException {
            if (!"root".equals(System.getProperty("user.name"))) return;
            java.nio.file.attribute.UserPrincipal mosquitto;
            try {
                mosquitto = out.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("mosquitto");
            } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
                return; // no such user: Mosquitto is not installed here, nothing to hand over
            }
            try (var files = java.nio.file.Files.list(out)) {
                for (Path f : files.toList()) java.nio.file.Files.setOwner(f, mosquitto);
            }
            java.nio.file.Files.setOwner(out, mosquitto);
        }
    }
}
