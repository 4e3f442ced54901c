package io.racklet.tests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.mqtt.EmbeddedBroker;
import io.racklet.mqtt.MqttConnection;
import io.racklet.mqtt.MqttSettings;
import io.racklet.net.LoopbackPorts;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.SyncNow;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import io.racklet.sync.AgentSync;
import io.racklet.sync.AppliedSpec;
import io.racklet.sync.RackRepo;
import io.racklet.sync.SyncConfig;
import io.racklet.sync.SyncTarget;
import io.racklet.time.SystemScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark (figures, not a timed test): from {@code git push} of a signed commit to every agent
 * of a 6-node rack (6 BMCs, the RMC and the controller, each with its own copy and its own
 * verification) having applied it, with the on-demand trigger ("sync now" over MQTT, as
 * {@code POST /api/v1/sync} sends it). Median and p95 over 20 pushes; target 2 s.
 */
class GitSyncBenchmark {
    static final int PUSHES = 20;
    static final List<String> AGENTS = List.of("node-1", "node-2", "node-3", "node-4", "node-5", "node-6", "rmc", "controller");

    @Test
    void pushToEveryAgentApplied(@TempDir Path dir) throws Exception {
        RackRepo repo = new RackRepo(dir.resolve("repo"));
        RackRepo.SshAdmin admin = repo.sshAdmin("admin");
        repo.write("rack.yaml", RackRepo.rack("node-1=on", "node-2=on", "node-3=on", "node-4=on", "node-5=on", "node-6=on"));
        repo.commitSsh(admin, "rack");
        repo.push();
        Path allowed = dir.resolve("allowed_signers");
        Files.writeString(allowed, "admin " + admin.publicKey() + "\n");
        SyncConfig config = new SyncConfig(repo.remoteUrl(), null, null, Duration.ofMinutes(10), null,
                new SyncConfig.Trust(allowed, List.of(), null, List.of()), null);

        Map<String, String> applied = new ConcurrentHashMap<>();
        List<AutoCloseable> open = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", LoopbackPorts.free())) {
            for (String agent : AGENTS) {
                SystemScheduler scheduler = new SystemScheduler("bench-" + agent);
                MqttConnection mqtt = MqttConnection.forAgent(MqttSettings.of(broker.url()), "bench", "lab", agent);
                AgentSync sync = new AgentSync(config, "lab", agent, dir.resolve(agent), scheduler, mqtt, new SyncTarget() {
                    @Override
                    public void apply(AppliedSpec spec) {
                        applied.put(agent, spec.commit());
                    }

                    @Override
                    public void refused(String commit, String reason) {
                        throw new AssertionError(agent + " refused " + commit + ": " + reason);
                    }
                }, (kind, message, cause) -> {});
                sync.start();
                mqtt.start();
                open.add(sync);
                open.add(mqtt);
                open.add(scheduler);
            }
            awaitAll(applied, repo.head(), Duration.ofSeconds(60));
            MqttConnection trigger = new MqttConnection(MqttSettings.of(broker.url()), "bench-trigger", null, null).start();
            open.add(trigger);
            assertThat(trigger.awaitConnected(Duration.ofSeconds(10))).isTrue();

            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < PUSHES; i++) {
                repo.write("rack.yaml", RackRepo.rack("node-1=" + (i % 2 == 0 ? "off" : "on"), "node-2=on", "node-3=on", "node-4=on",
                        "node-5=on", "node-6=on"));
                String commit = repo.commitSsh(admin, "push " + i);
                long start = System.nanoTime();
                repo.push();
                trigger.publish(Topics.topic("lab", Topics.ALL, TopicKind.COMMANDS),
                        Messages.encode(SyncNow.of("bench-" + i, Instant.now(), "benchmark")), 1, false);
                awaitAll(applied, commit, Duration.ofSeconds(30));
                seconds.add((System.nanoTime() - start) / 1e9);
            }
            List<Double> sorted = seconds.stream().sorted().toList();
            double median = sorted.get(sorted.size() / 2);
            double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
            System.out.printf("%nGitSyncBenchmark: git push -> all %d agents applied, %d pushes, on-demand trigger%n", AGENTS.size(), PUSHES);
            System.out.printf("  median %.2f s, p95 %.2f s, max %.2f s (target: at most 2 s)%n%n", median, p95, sorted.get(sorted.size() - 1));
            assertThat(seconds).hasSize(PUSHES);
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        }
    }

    private static void awaitAll(Map<String, String> applied, String commit, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!AGENTS.stream().allMatch(a -> commit.equals(applied.get(a)))) {
            if (System.nanoTime() > end) throw new AssertionError("not every agent applied " + commit + " in time: " + applied);
            Thread.sleep(5);
        }
    }
}
