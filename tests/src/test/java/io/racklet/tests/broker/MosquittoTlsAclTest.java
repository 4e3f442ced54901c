package io.racklet.tests.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.cli.Racklet;
import io.racklet.config.Entrypoint;
import io.racklet.controller.identity.IdentityRole;
import io.racklet.controller.identity.RackAuthority;
import io.racklet.mqtt.MqttConnection;
import io.racklet.mqtt.MqttSettings;
import io.racklet.net.LoopbackPorts;
import io.racklet.tests.support.Mosquitto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The broker configuration of {@code ./racklet broker config} on a real Mosquitto 2: mutual TLS
 * with certificates from the rack CA, and an ACL per identity. A BMC cannot publish as another
 * node or read another node's commands, a reader cannot publish, and a client without a
 * certificate, with a revoked or with an expired one cannot connect.
 */
class MosquittoTlsAclTest {
    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();
    Path ca, certs, broker;
    int port;

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    private Mosquitto brokerFromConfig() throws Exception {
        int code = Entrypoint.execute(new CommandLine(new Racklet()), "broker", "config", "--ca", ca.toString(), "--rack", "lab",
                "--port", Integer.toString(port), "--out", broker.toString());
        assertThat(code).isZero();
        Mosquitto m = Mosquitto.start(broker.resolve("mosquitto.conf"), port, dir);
        open.add(m);
        return m;
    }

    private MqttConnection client(String name) {
        MqttSettings s = new MqttSettings("ssl://127.0.0.1:" + port, Duration.ofSeconds(3), Duration.ofSeconds(10),
                new MqttSettings.Tls(ca.resolve("ca.crt"), certs.resolve(name + ".crt"), certs.resolve(name + ".key")));
        MqttConnection c = new MqttConnection(s, name, null, null);
        open.add(c);
        return c;
    }

    private static List<String> collect(MqttConnection c, String filter) {
        List<String> got = new CopyOnWriteArrayList<>();
        c.subscribe(filter, 1, (t, p) -> got.add(t + " " + new String(p, StandardCharsets.UTF_8)));
        return got;
    }

    @Test
    void identitiesReachOnlyTheirOwnTopics() throws Exception {
        // Mosquitto drops from root to its own user: it must be able to reach the broker's folder
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ca = dir.resolve("ca");
        certs = dir.resolve("certs");
        broker = dir.resolve("broker");
        port = LoopbackPorts.free();
        RackAuthority authority = RackAuthority.create(ca, "lab", Clock.systemUTC());
        for (String n : List.of("node-1", "node-2", "node-3")) authority.issue(n, IdentityRole.bmc, Duration.ofDays(1), certs);
        authority.issue("controller", IdentityRole.controller, Duration.ofDays(1), certs);
        authority.issue("grafana", IdentityRole.reader, Duration.ofDays(1), certs);
        authority.issue("node-4", IdentityRole.bmc, Duration.ofSeconds(-120), certs); // already expired
        authority.revoke("node-3");
        brokerFromConfig();

        MqttConnection controller = client("controller");
        List<String> everything = collect(controller, "racklet/lab/#");
        MqttConnection node1 = client("node-1");
        List<String> node1Sees = collect(node1, "racklet/lab/node-2/commands"); // not its own: refused by the ACL
        MqttConnection node2 = client("node-2");
        List<String> node2Commands = collect(node2, "racklet/lab/node-2/commands");
        MqttConnection grafana = client("grafana");
        List<String> grafanaSees = collect(grafana, "racklet/lab/#");
        for (MqttConnection c : List.of(controller.start(), node1.start(), node2.start(), grafana.start())) {
            assertThat(c.awaitConnected(Duration.ofSeconds(10))).isTrue();
        }
        Thread.sleep(500); // subscriptions settle

        node1.publish("racklet/lab/node-1/telemetry", "own", 1, false);
        node1.publish("racklet/lab/node-2/telemetry", "forged", 1, false);
        grafana.publish("racklet/lab/node-1/commands", "reader command", 1, false);
        controller.publish("racklet/lab/node-2/commands", "for node-2", 1, false);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((everything.isEmpty() || node2Commands.isEmpty() || grafanaSees.isEmpty()) && System.nanoTime() < end) Thread.sleep(50);
        Thread.sleep(1500); // anything that should not arrive has had time to

        assertThat(everything).contains("racklet/lab/node-1/telemetry own").noneMatch(m -> m.contains("forged"))
                .noneMatch(m -> m.contains("reader command"));
        assertThat(node2Commands).containsExactly("racklet/lab/node-2/commands for node-2");
        assertThat(node1Sees).as("node-1 reads nothing of node-2's commands").isEmpty();
        assertThat(grafanaSees).contains("racklet/lab/node-1/telemetry own");

        // refused at the door: a revoked certificate, an expired one, and no certificate at all
        MqttConnection revoked = client("node-3").start();
        MqttConnection expired = client("node-4").start();
        assertThat(revoked.awaitConnected(Duration.ofSeconds(4))).as("revoked node-3").isFalse();
        assertThat(expired.awaitConnected(Duration.ofSeconds(1))).as("expired node-4").isFalse();
        Process anonymous = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "--cafile", ca.resolve("ca.crt").toString(), "-t", "racklet/#", "-W", "3", "-C", "1").redirectErrorStream(true).start();
        String said = new String(anonymous.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(anonymous.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(anonymous.exitValue()).as("mosquitto_sub without a certificate: %s", said).isNotZero();
        assertThat(Files.readString(broker.resolve("acl"))).doesNotContain("user node-3", "user node-4", "user broker");
    }
}
