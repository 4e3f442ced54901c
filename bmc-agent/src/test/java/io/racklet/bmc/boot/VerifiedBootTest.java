package io.racklet.bmc.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.bmc.report.RecordingReporter;
import io.racklet.protocol.resource.BootProfileResource;
import io.racklet.protocol.resource.Metadata;
import io.racklet.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BMC's boot gate: no profile, no gate; any failure keeps the node off with the reason. */
class VerifiedBootTest {
    @TempDir
    Path dir;
    final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    final RecordingReporter reporter = new RecordingReporter();
    final List<String> abandoned = new ArrayList<>();
    int reconciles;

    private VerifiedBoot boot(BootConfig config) {
        VerifiedBoot b = new VerifiedBoot("node-1", config, dir, scheduler, reporter);
        b.bind(() -> reconciles++, abandoned::add);
        return b;
    }

    private static BootProfileResource profile(String url, String key) {
        return new BootProfileResource(new Metadata("debian", Map.of()), new BootProfileResource.Spec(url, 1, List.of(key)));
    }

    private static final String KEY = io.racklet.boot.keys.SigningKey.generate(new java.security.SecureRandom()).publicKey().base64();

    @Test
    void withoutAProfileTheNodePowersOnAsAlways() {
        try (VerifiedBoot b = boot(null)) {
            assertThat(b.admit("test")).isTrue();
            b.assign(null, "commit abc");
            assertThat(b.admit("test")).isTrue();
            assertThat(reporter.events).isEmpty();
        }
    }

    @Test
    void aProfileWithoutABootEndpointKeepsTheNodeOff() {
        try (VerifiedBoot b = boot(null)) {
            b.assign(profile("http://127.0.0.1:9/m.json", KEY), "commit abc signed by admin");
            assertThat(b.admit("test")).isFalse();
            assertThat(abandoned).singleElement().asString().contains("no boot endpoint");
            assertThat(reporter.events).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo("boot.refused");
                assertThat(e.cause()).isEqualTo("commit abc signed by admin");
            });
        }
    }

    @Test
    void anUnusableProfileKeepsTheNodeOffAndSaysWhy() {
        try (VerifiedBoot b = boot(new BootConfig("127.0.0.1", 0))) {
            b.assign(profile("http://127.0.0.1:9/m.json", "bm90IGEga2V5"), "commit abc");
            assertThat(b.admit("test")).isFalse();
            assertThat(abandoned).singleElement().asString().contains("boot profile 'debian' is unusable");
        }
    }

    @Test
    void aMirrorThatCannotBeReachedKeepsTheNodeOff() throws Exception {
        try (VerifiedBoot b = boot(new BootConfig("127.0.0.1", 0))) {
            b.assign(profile("http://127.0.0.1:9/debian/manifest.json", KEY), "commit abc");
            assertThat(b.admit("test")).as("waits for the preparation").isFalse();
            assertThat(b.admit("test")).as("and does not start a second one").isFalse();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (abandoned.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
                scheduler.advance(Duration.ofMillis(1)); // runs what the worker handed back
            }
            assertThat(abandoned).singleElement().asString().contains("fetch-failed");
            assertThat(reporter.events).extracting(RecordingReporter.Event::kind).containsExactly("boot.refused");
            assertThat(reconciles).isZero();
        }
    }
}
