package io.racklet.tests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.racklet.controller.ControllerApp;
import io.racklet.controller.ControllerConfig;
import io.racklet.controller.ingest.RackIngest;
import io.racklet.controller.rack.RackView;
import io.racklet.mqtt.MqttConnection;
import io.racklet.mqtt.MqttSettings;
import io.racklet.net.LoopbackPorts;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.PowerTelemetry;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import io.racklet.tests.support.Mosquitto;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark (figures, not a timed test): the controller ingesting telemetry from 1,000 simulated
 * nodes at 10 Hz through its embedded broker, next to a bare subscriber on the same broker in the
 * same run. Prints messages per second, drops, and p50/p99 latency from sample time to the
 * controller's view (what the API serves), and the controller's throughput as a share of the
 * bare subscriber's.
 */
class IngestBenchmark {
    static final int NODES = 1000, HZ = 10, PUBLISHERS = 10;
    static final Duration RUN = Duration.ofSeconds(20);

    @Test
    void throughTheEmbeddedBroker(@TempDir Path dir) throws Exception {
        int mqttPort = LoopbackPorts.free();
        run("the embedded broker (Moquette)", new ControllerConfig("bench", new ControllerConfig.Listen("127.0.0.1", 0),
                null, new ControllerConfig.Listen("127.0.0.1", mqttPort), null, dir), MqttSettings.of("tcp://127.0.0.1:" + mqttPort));
    }

    @Test
    void throughMosquitto(@TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("mosquitto"));
        try (Mosquitto mosquitto = Mosquitto.start(dir.resolve("mosquitto"))) {
            MqttSettings broker = MqttSettings.of(mosquitto.url());
            run("Mosquitto", new ControllerConfig("bench", new ControllerConfig.Listen("127.0.0.1", 0), broker, null, null,
                    dir.resolve("controller")), broker);
        }
    }

    private void run(String brokerName, ControllerConfig config, MqttSettings broker) throws Exception {
        ApplicationContext app = ControllerApp.start(config);
        RackIngest ingest = app.getBean(RackIngest.class);
        RackView view = app.getBean(RackView.class);
        LatencyLog controllerLatency = new LatencyLog();
        view.onTelemetry((node, t) -> controllerLatency.add(t.ts()));

        LatencyLog bareLatency = new LatencyLog();
        MqttConnection bare = new MqttConnection(broker, "bare-subscriber", null, null);
        bare.subscribe(Topics.allNodes("bench", TopicKind.TELEMETRY), 0,
                (t, p) -> bareLatency.add(Messages.decode(p, PowerTelemetry.class).ts()));
        bare.start();
        assertThat(bare.awaitConnected(Duration.ofSeconds(10))).isTrue();

        List<MqttConnection> publishers = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            MqttConnection c = new MqttConnection(broker, "bench-pub-" + i, null, null).start();
            assertThat(c.awaitConnected(Duration.ofSeconds(10))).isTrue();
            publishers.add(c);
        }
        long receivedBefore = ingest.receivedCount();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long ticks = RUN.toMillis() * HZ / 1000;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            int first = p * (NODES / PUBLISHERS);
            MqttConnection c = publishers.get(p);
            Thread t = new Thread(() -> {
                for (long tick = 0; tick < ticks; tick++) {
                    long due = start + tick * 1_000_000_000L / HZ;
                    // sleep, never spin: ten spinning publishers would starve the broker on two cores
                    for (long wait; (wait = due - System.nanoTime()) > 0; ) java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    for (int n = first; n < first + NODES / PUBLISHERS; n++) {
                        PowerTelemetry sample = PowerTelemetry.of(tick, Instant.now(), 5.02, 0.6, 3.0);
                        if (c.publish(Topics.topic("bench", "n" + n, TopicKind.TELEMETRY), Messages.encode(sample), 0, false)) {
                            sent.incrementAndGet();
                        }
                    }
                }
            }, "bench-publisher-" + p);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2000); // let in-flight messages land
        long received = ingest.receivedCount() - receivedBefore;
        long bareReceived = bareLatency.count();

        System.out.printf("%nIngest benchmark: %d nodes at %d Hz for %.0f s through %s%n", NODES, HZ, seconds, brokerName);
        System.out.printf("%-18s %12s %12s %10s %10s %10s%n", "receiver", "received", "msg/s", "dropped", "p50 ms", "p99 ms");
        System.out.printf("%-18s %12d %12.0f %10s %10s %10s%n", "publishers (sent)", sent.get(), sent.get() / seconds, "-", "-", "-");
        System.out.printf("%-18s %12d %12.0f %10d %10.1f %10.1f%n", "bare subscriber", bareReceived, bareReceived / seconds,
                sent.get() - bareReceived, bareLatency.percentile(50), bareLatency.percentile(99));
        System.out.printf("%-18s %12d %12.0f %10d %10.1f %10.1f%n", "controller", received, received / seconds,
                sent.get() - received, controllerLatency.percentile(50), controllerLatency.percentile(99));
        System.out.printf("controller throughput is %.2f of the bare subscriber's (target: at least 0.8)%n%n",
                received / (double) Math.max(1, bareReceived));
        publishers.forEach(MqttConnection::close);
        bare.close();
        app.close();
        assertThat(received).as("the controller received telemetry").isPositive();
    }

    /** Sample-time to arrival, in milliseconds, kept whole for exact percentiles. */
    static final class LatencyLog {
        private long[] ms = new long[1 << 16];
        private int n;

        synchronized void add(Instant sampleTime) {
            if (n == ms.length) ms = Arrays.copyOf(ms, n * 2);
            ms[n++] = Duration.between(sampleTime, Instant.now()).toMillis();
        }

        synchronized long count() {
            return n;
        }

        synchronized double percentile(int p) {
            if (n == 0) return Double.NaN;
            long[] sorted = Arrays.copyOf(ms, n);
            Arrays.sort(sorted);
            return sorted[Math.min(n - 1, (int) Math.ceil(p / 100.0 * n) - 1)];
        }
    }
}
