package io.racklet.tests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.tests.packaging.PackagedAgentRig;
import io.racklet.tests.packaging.Packages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark (figures, not a timed test): each packaged agent, started from its .deb's jars with
 * its packaged JVM options against the simulated rack, next to a bare JVM hello-world with the
 * same options in the same run. Prints resident memory 5 s after start and the time from process
 * start to the first telemetry message on the broker (hello-world: to its output), median of
 * three runs, without and with an application class-data-sharing archive (what the units keep in
 * /var/cache/racklet). Targets (issue 10): RSS at most 2x the bare JVM's, first telemetry within 1.5 s.
 */
class AgentFootprintBenchmark {
    static final int RUNS = 3;
    static final long SETTLE_MS = 5_000;

    /** @param readyMs to the agent's "started" log line (hello-world: its output), @param startMs to first telemetry */
    record Figure(long rssKiB, long readyMs, long startMs) {}

    @Test
    void residentMemoryAndTimeToFirstTelemetry(@TempDir Path dir) throws Exception {
        Map<String, Figure> results = new LinkedHashMap<>();
        try (PackagedAgentRig rig = new PackagedAgentRig(dir)) {
            for (boolean cds : new boolean[] {false, true}) {
                for (String program : List.of("hello-world", "racklet-bmc", "racklet-rmc")) {
                    List<String> extra = new ArrayList<>();
                    Path archive = dir.resolve(program + ".jsa");
                    if (cds) {
                        // the first run writes the archive when it stops, as the unit's first start does
                        measure(rig, program, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), dir);
                        assertThat(archive).as("class-data-sharing archive of " + program).exists();
                        extra.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
                    }
                    List<Figure> runs = new ArrayList<>();
                    for (int i = 0; i < RUNS; i++) runs.add(measure(rig, program, extra, dir));
                    results.put(program + (cds ? " +AppCDS" : ""), median(runs));
                }
            }
        }
        System.out.printf("%nJVM options (racklet-bmc package): %s%n", String.join(" ", Packages.jvmOptions(
                Packages.extract("racklet-bmc", dir.resolve("opts")), "racklet-bmc")));
        System.out.printf("%-22s %10s %14s %14s %20s%n", "program", "RSS (MiB)", "x hello-world", "started (ms)", "first telemetry (ms)");
        results.forEach((name, f) -> {
            Figure hello = results.get(name.contains("AppCDS") ? "hello-world +AppCDS" : "hello-world");
            System.out.printf("%-22s %10.1f %14.2f %14d %20d%n", name, f.rssKiB() / 1024.0, f.rssKiB() / (double) hello.rssKiB(),
                    f.readyMs(), f.startMs());
        });
        System.out.println("started: to the agent's \"started\" log line; first telemetry: to its first message on the broker "
                + "(hello-world: both to its output); median of " + RUNS);
    }

    private static Figure measure(PackagedAgentRig rig, String program, List<String> extraJvm, Path dir) throws Exception {
        Path log = Files.createTempFile(dir, program, ".log");
        long t0 = System.nanoTime();
        Process p;
        CompletableFuture<Long> first;
        CompletableFuture<Long> started = new CompletableFuture<>();
        if (program.equals("hello-world")) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(Packages.jvmOptions(rig.root("racklet-bmc"), "racklet-bmc"));
            cmd.addAll(extraJvm);
            Path jar = dir.resolve("hello-world.jar");
            if (!Files.exists(jar)) {
                Packages.jar(Path.of("target", "test-classes").toAbsolutePath(), jar, f -> f.getFileName().toString().equals("HelloWorld.class"));
            }
            cmd.addAll(Arrays.asList("-cp", jar.toString(), HelloWorld.class.getName()));
            first = new CompletableFuture<>();
            t0 = System.nanoTime();
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Process hello = p;
            CompletableFuture<Long> out = first;
            Thread reader = new Thread(() -> {
                try {
                    if (hello.inputReader().readLine() != null) out.complete(System.nanoTime());
                } catch (java.io.IOException e) {
                    out.completeExceptionally(e);
                }
            });
            reader.setDaemon(true);
            reader.start();
        } else {
            first = rig.firstTelemetry(program.equals("racklet-bmc") ? "node-1" : "rmc");
            t0 = System.nanoTime();
            p = rig.start(program, extraJvm, Map.of(), log);
            watchForStarted(log, started);
        }
        try {
            long at = first.get(30, TimeUnit.SECONDS);
            long ready = program.equals("hello-world") ? at : started.get(30, TimeUnit.SECONDS);
            long sleep = SETTLE_MS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (sleep > 0) Thread.sleep(sleep);
            assertThat(p.isAlive()).as(program + " died: " + Files.readString(log)).isTrue();
            return new Figure(PackagedAgentRig.rssKiB(p.pid()), TimeUnit.NANOSECONDS.toMillis(ready - t0), TimeUnit.NANOSECONDS.toMillis(at - t0));
        } finally {
            PackagedAgentRig.stop(p);
        }
    }

    /** Completes {@code started} when the agent logs "... started" (its loops and MQTT client are running); polls every 2 ms. */
    private static void watchForStarted(Path log, CompletableFuture<Long> started) {
        Thread t = new Thread(() -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            try {
                while (System.nanoTime() < end) {
                    if (Files.readString(log).contains(" started")) {
                        started.complete(System.nanoTime());
                        return;
                    }
                    Thread.sleep(2);
                }
                started.completeExceptionally(new AssertionError("no \"started\" line in " + log));
            } catch (Exception e) {
                started.completeExceptionally(e);
            }
        }, "started-watch");
        t.setDaemon(true);
        t.start();
    }

    private static Figure median(List<Figure> runs) {
        long[] rss = runs.stream().mapToLong(Figure::rssKiB).sorted().toArray();
        long[] ready = runs.stream().mapToLong(Figure::readyMs).sorted().toArray();
        long[] ms = runs.stream().mapToLong(Figure::startMs).sorted().toArray();
        return new Figure(rss[rss.length / 2], ready[ready.length / 2], ms[ms.length / 2]);
    }
}
