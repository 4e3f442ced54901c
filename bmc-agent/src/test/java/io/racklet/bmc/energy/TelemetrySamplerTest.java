package io.racklet.bmc.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.racklet.bmc.report.RecordingReporter;
import io.racklet.protocol.message.PowerTelemetry;
import io.racklet.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetrySamplerTest {
    private static final Duration SAMPLE = Duration.ofMillis(100);

    /** Answers each read with the next scripted outcome; repeats the last one when the script runs out. */
    static final class FakeMonitor implements PowerMonitor {
        final Deque<Supplier<Reading>> script = new ArrayDeque<>();
        Supplier<Reading> last = () -> new Reading(5.0, 0.5, 2.5);
        int configures;

        FakeMonitor then(int times, Supplier<Reading> outcome) {
            for (int i = 0; i < times; i++) script.add(outcome);
            return this;
        }

        @Override
        public void configure() {
            configures++;
        }

        @Override
        public Reading read() {
            if (!script.isEmpty()) last = script.poll();
            return last.get();
        }
    }

    static Supplier<Reading> ok(double volts, double amps) {
        return () -> new Reading(volts, amps, volts * amps);
    }

    static Supplier<Reading> busError() {
        return () -> {
            throw new com.pi4j.io.exception.IOException("I2C: no acknowledge");
        };
    }

    static Supplier<Reading> implausible() {
        return () -> {
            throw new ImplausibleReadingException("INA219 bus voltage 32.764 V exceeds the part's 26 V");
        };
    }

    @TempDir
    Path stateDir;

    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private final RecordingReporter reporter = new RecordingReporter();
    private final FakeMonitor monitor = new FakeMonitor();
    private final List<Reading> accepted = new ArrayList<>();
    private final List<String> sensorChanges = new ArrayList<>();
    private TelemetrySampler sampler;

    private TelemetrySampler sampler() {
        if (sampler == null) {
            sampler = new TelemetrySampler(monitor, new EnergyCounter(stateDir, clock.instant()), reporter, clock, SAMPLE,
                    accepted::add, sensorChanges::add);
        }
        return sampler;
    }

    /** n samples, one sample interval apart. */
    private void sample(int n) {
        for (int i = 0; i < n; i++) {
            sampler().sample();
            clock.advance(SAMPLE);
        }
    }

    @Test
    void publishesOneMessagePerIntervalWithIncreasingSeq() {
        monitor.then(1, ok(5.0, 0.5));
        for (int i = 0; i < 3; i++) {
            sample(10);
            sampler().publish();
        }

        assertThat(reporter.telemetry).extracting(PowerTelemetry::seq).containsExactly(1L, 2L, 3L);
        assertThat(reporter.telemetry).allSatisfy(t -> {
            assertThat(t.samples()).isEqualTo(10);
            assertThat(t.volts()).isEqualTo(5.0);
            assertThat(t.amps()).isEqualTo(0.5);
            assertThat(t.watts()).isEqualTo(2.5);
        });
        assertThat(reporter.telemetry.get(2).ts()).isEqualTo(clock.instant());
        assertThat(monitor.configures).as("configured once, at the first sample").isEqualTo(1);
    }

    @Test
    void intervalCarriesMinMeanMaxOfItsSamples() {
        monitor.then(1, ok(5.0, 0.2)).then(1, ok(5.0, 0.6)).then(1, ok(5.0, 0.4));
        sample(3);
        sampler().publish();

        PowerTelemetry t = reporter.telemetry.get(0);
        assertThat(t.wattsMin()).isCloseTo(1.0, within(1e-9));
        assertThat(t.wattsMax()).isCloseTo(3.0, within(1e-9));
        assertThat(t.watts()).isCloseTo(2.0, within(1e-9));
        assertThat(t.samples()).isEqualTo(3);
    }

    @Test
    void energyIsIntegratedBetweenSamplesAndPublished() {
        monitor.then(1, ok(5.0, 1.0)); // 5 W
        sample(11);                     // ten 100 ms intervals between eleven samples: 5 J
        sampler().publish();

        assertThat(reporter.telemetry.get(0).energyWh()).isCloseTo(5.0 / 3600, within(1e-9));
        assertThat(sampler().energyWh()).isCloseTo(5.0 / 3600, within(1e-9));
    }

    @Test
    void nothingIsPublishedForAnIntervalWithoutSamples() {
        sampler().publish();
        assertThat(reporter.telemetry).isEmpty();
    }

    @Test
    void fiveFailuresInARowDeclareTheSensorFailedOnce() {
        monitor.then(4, busError());
        sample(4);
        assertThat(sampler().sensorStatus()).isEqualTo("ok");
        assertThat(reporter.events).isEmpty();

        monitor.then(20, busError());
        sample(1);
        assertThat(sampler().sensorStatus()).isEqualTo("failed");
        assertThat(reporter.events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("sensor.failed");
            assertThat(e.message()).contains("no acknowledge");
        });
        assertThat(sensorChanges).containsExactly("power monitor failed");

        clock.advance(Duration.ofSeconds(30));
        sample(20);
        assertThat(reporter.eventKinds()).containsExactly("sensor.failed");
        sampler().publish();
        assertThat(reporter.telemetry).isEmpty();
    }

    @Test
    void aSuccessInBetweenResetsTheFailureCount() {
        monitor.then(4, busError()).then(1, ok(5, 0.5)).then(4, busError()).then(1, ok(5, 0.5));
        sample(10);
        assertThat(reporter.events).isEmpty();
        assertThat(sampler().sensorStatus()).isEqualTo("ok");
    }

    @Test
    void laterSuccessRecoversTheSensor() {
        monitor.then(5, busError()).then(1, ok(5.0, 0.5));
        sample(5);
        assertThat(sampler().sensorStatus()).isEqualTo("failed");

        clock.advance(TelemetrySampler.RETRY_FAILED);
        sample(1);

        assertThat(sampler().sensorStatus()).isEqualTo("ok");
        assertThat(reporter.eventKinds()).containsExactly("sensor.failed", "sensor.recovered");
        assertThat(sensorChanges).containsExactly("power monitor failed", "power monitor recovered");
        sampler().publish();
        assertThat(reporter.telemetry).singleElement().satisfies(t -> assertThat(t.seq()).isEqualTo(1));
    }

    @Test
    void failedSensorIsRetriedOnlyEveryRetryPeriod() {
        monitor.then(5, busError()).then(1, ok(5.0, 0.5));
        sample(5);

        sample(10); // one second: before the retry is due, the monitor is left alone
        assertThat(sampler().sensorStatus()).isEqualTo("failed");
        assertThat(monitor.script).hasSize(1);
    }

    @Test
    void monitorIsReconfiguredAfterAFailure() {
        monitor.then(1, ok(5, 0.5)).then(1, busError()).then(1, ok(5, 0.5));
        sample(3);
        assertThat(monitor.configures).isEqualTo(2);
    }

    @Test
    void implausibleReadingsAreCountedNeverPublishedAndNoFailure() {
        monitor.then(6, implausible()).then(1, ok(5.0, 0.5));
        sample(7);
        sampler().publish();

        assertThat(sampler().rejectedCount()).isEqualTo(6);
        assertThat(sampler().sensorStatus()).isEqualTo("ok");
        assertThat(reporter.events).isEmpty();
        assertThat(accepted).hasSize(1);
        assertThat(reporter.telemetry).singleElement().satisfies(t -> {
            assertThat(t.samples()).isEqualTo(1);
            assertThat(t.watts()).isEqualTo(2.5);
        });
    }

    @Test
    void acceptedReadingsArePassedOn() {
        monitor.then(1, ok(5.0, 0.5)).then(1, busError()).then(1, ok(5.1, 0.6));
        sample(3);
        assertThat(accepted).extracting(Reading::volts).containsExactly(5.0, 5.1);
        assertThat(sampler().lastReading().amps()).isEqualTo(0.6);
    }
}
