package io.racklet.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.cli.Racklet;
import io.racklet.config.Entrypoint;
import io.racklet.net.LoopbackPorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The rack CA's certificates, checked by the real openssl: chain, revocation, and a mutual TLS handshake. */
class KeysCommandTest {
    @TempDir
    Path dir;

    private int racklet(String... args) {
        CommandLine cl = new CommandLine(new Racklet());
        cl.setErr(new PrintWriter(new StringWriter(), true));
        return Entrypoint.execute(cl, args);
    }

    private static Result openssl(Path cwd, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    record Result(int code, String out) {}

    @Test
    void issuedCertificatesChainToTheRackCaAndRevocationShowsInTheCrl() throws Exception {
        Path ca = dir.resolve("ca"), certs = dir.resolve("certs");
        assertThat(racklet("keys", "init", "--ca", ca.toString(), "--rack", "lab")).isZero();
        assertThat(racklet("keys", "init", "--ca", ca.toString())).as("never replaces a CA").isEqualTo(Entrypoint.BAD_INPUT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve("ca.key")))).isEqualTo("rw-------");
        assertThat(racklet("keys", "issue", "node-1", "--role", "bmc", "--ca", ca.toString(), "--out", certs.toString())).isZero();
        assertThat(racklet("keys", "issue", "node-2", "--role", "bmc", "--ca", ca.toString(), "--out", certs.toString())).isZero();

        assertThat(openssl(dir, "verify", "-CAfile", ca.resolve("ca.crt").toString(), certs.resolve("node-1.crt").toString()).out()).contains(": OK");
        assertThat(openssl(dir, "x509", "-noout", "-subject", "-in", certs.resolve("node-1.crt").toString()).out()).contains("OU = bmc", "CN = node-1");
        assertThat(openssl(dir, "pkey", "-noout", "-in", certs.resolve("node-1.key").toString()).code()).isZero();

        assertThat(racklet("keys", "revoke", "node-1", "--ca", ca.toString())).isZero();
        Result revoked = openssl(dir, "verify", "-crl_check", "-CAfile", ca.resolve("ca.crt").toString(), "-CRLfile",
                ca.resolve("crl.pem").toString(), certs.resolve("node-1.crt").toString());
        assertThat(revoked.code()).isNotZero();
        assertThat(revoked.out()).contains("certificate revoked");
        assertThat(openssl(dir, "verify", "-crl_check", "-CAfile", ca.resolve("ca.crt").toString(), "-CRLfile",
                ca.resolve("crl.pem").toString(), certs.resolve("node-2.crt").toString()).out()).contains(": OK");
        assertThat(racklet("keys", "revoke", "node-9", "--ca", ca.toString())).isEqualTo(Entrypoint.BAD_INPUT);
    }

    @Test
    void aControllerAndAnAgentCompleteAMutualTlsHandshake() throws Exception {
        Path ca = dir.resolve("ca"), certs = dir.resolve("certs");
        assertThat(racklet("keys", "init", "--ca", ca.toString())).isZero();
        assertThat(racklet("keys", "issue", "controller", "--role", "controller", "--ca", ca.toString(), "--out", certs.toString())).isZero();
        assertThat(racklet("keys", "issue", "node-1", "--role", "bmc", "--ca", ca.toString(), "--out", certs.toString())).isZero();
        int port = LoopbackPorts.free();
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert", certs.resolve("controller.crt").toString(),
                "-key", certs.resolve("controller.key").toString(), "-CAfile", ca.resolve("ca.crt").toString(), "-Verify", "1",
                "-verify_return_error", "-naccept", "1").redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            for (int i = 0; i < 100; i++) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    break;
                } catch (java.io.IOException e) {
                    Thread.sleep(50);
                }
            }
            // the probe above used the one accept: start again for the real handshake
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
            server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert", certs.resolve("controller.crt").toString(),
                    "-key", certs.resolve("controller.key").toString(), "-CAfile", ca.resolve("ca.crt").toString(), "-Verify", "1",
                    "-verify_return_error").redirectErrorStream(true).redirectOutput(dir.resolve("server2.log").toFile()).start();
            Thread.sleep(700);
            Result client = openssl(dir, "s_client", "-connect", "127.0.0.1:" + port, "-cert", certs.resolve("node-1.crt").toString(),
                    "-key", certs.resolve("node-1.key").toString(), "-CAfile", ca.resolve("ca.crt").toString(), "-verify_return_error",
                    "-verify_hostname", "localhost", "-brief");
            assertThat(client.out()).contains("Verification: OK");
            assertThat(client.code()).isZero();
            // TLS 1.2, so that the refusal comes inside the handshake rather than after the client thinks it is done
            Result anonymous = openssl(dir, "s_client", "-tls1_2", "-connect", "127.0.0.1:" + port, "-CAfile", ca.resolve("ca.crt").toString(),
                    "-brief");
            assertThat(anonymous.code()).as("no client certificate: the controller ends the handshake (%s)", anonymous.out()).isNotZero();
            assertThat(anonymous.out()).doesNotContain("CONNECTION ESTABLISHED");
        } finally {
            server.destroyForcibly();
        }
    }
}
