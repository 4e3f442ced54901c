package io.racklet.bmc.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.racklet.bmc.report.RecordingReporter;
import io.racklet.protocol.message.PowerTelemetry;
import io.racklet.time.ManualScheduler;
import java.io.IOException;
import java.nio.file.Files;
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
        int reads;

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
            reads++;
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

    private static Supplier<Reading> watts(double w) {
        return () -> new Reading(5.0, w / 5.0, w);
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
    void failedSensorIsLeftAloneUntilTheRetryPeriodHasPassedInVirtualTime() {
        monitor.then(5, busError()).then(1, busError()).then(1, ok(5.0, 0.5));
        sampler().sample();
        for (int i = 0; i < 4; i++) {
            clock.advance(SAMPLE);
            sampler().sample();
        }
        Instant failedAt = clock.instant();
        assertThat(sampler().sensorStatus()).isEqualTo("failed");
        assertThat(monitor.reads).isEqualTo(5);

        // every sample interval until just before the retry is due: no bus traffic at all
        while (clock.instant().plus(SAMPLE).isBefore(failedAt.plus(TelemetrySampler.RETRY_FAILED))) {
            clock.advance(SAMPLE);
            sampler().sample();
        }
        clock.advance(Duration.between(clock.instant(), failedAt.plus(TelemetrySampler.RETRY_FAILED)).minusNanos(1));
        sampler().sample();
        assertThat(monitor.reads).isEqualTo(5);
        assertThat(monitor.configures).isEqualTo(5);

        clock.advance(Duration.ofNanos(1)); // retry due: configure and read once, fails again
        sampler().sample();
        sampler().sample();
        assertThat(monitor.reads).isEqualTo(6);
        assertThat(sampler().sensorStatus()).isEqualTo("failed");

        clock.advance(TelemetrySampler.RETRY_FAILED.minusMillis(1));
        sampler().sample();
        assertThat(monitor.reads).as("the failed retry starts a new wait").isEqualTo(6);

        clock.advance(Duration.ofMillis(1));
        sampler().sample();
        assertThat(monitor.reads).isEqualTo(7);
        assertThat(sampler().sensorStatus()).isEqualTo("ok");
        assertThat(reporter.eventKinds()).containsExactly("sensor.failed", "sensor.recovered");
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

    @Test
    void oneMessagePerIntervalWithMinMeanMaxAndTheIntegral() {
        monitor.then(1, watts(2.0)).then(1, watts(6.0)).then(1, watts(4.0)).then(1, watts(3.0));
        sample(4);
        sampler().publish();

        assertThat(reporter.telemetry).singleElement().satisfies(t -> {
            assertThat(t.samples()).isEqualTo(4);
            assertThat(t.wattsMin()).isEqualTo(2.0);
            assertThat(t.wattsMax()).isEqualTo(6.0);
            assertThat(t.watts()).isCloseTo(3.75, within(1e-9));
            assertThat(t.volts()).isCloseTo(5.0, within(1e-9));
            assertThat(t.amps()).isCloseTo(0.75, within(1e-9));
            // the first sample only starts the clock; each later one counts its 100 ms
            assertThat(t.energyWh()).isCloseTo((6.0 + 4.0 + 3.0) * 0.1 / 3600, within(1e-12));
        });
    }

    @Test
    void energyNeverDecreasesAcrossPublishesWhateverTheSensorDoes() {
        monitor.then(10, watts(5)).then(3, busError()).then(10, watts(0)).then(2, implausible())
                .then(10, watts(7)).then(5, busError());
        for (int i = 0; i < 6; i++) {
            sample(10);
            sampler().publish();
        }
        clock.advance(TelemetrySampler.RETRY_FAILED);
        monitor.then(10, watts(1));
        sample(10);
        sampler().publish();

        List<Double> energy = reporter.telemetry.stream().map(PowerTelemetry::energyWh).toList();
        assertThat(energy).hasSizeGreaterThan(3).isSorted();
        assertThat(energy.get(energy.size() - 1)).isEqualTo(sampler().energyWh()).isPositive();
    }

    @Test
    void aGapBetweenSamplesCountsAtMostTwoIntervals() {
        monitor.then(1, watts(36));
        sampler().sample();
        clock.advance(Duration.ofSeconds(10)); // the process was paused
        sampler().sample();
        assertThat(sampler().energyWh()).isCloseTo(36 * 0.2 / 3600, within(1e-12));
    }

    @Test
    void theFirstReadingAfterAFailureStartsTheClockAfresh() {
        monitor.then(1, watts(36)).then(1, busError()).then(1, watts(36));
        sample(3);
        assertThat(sampler().energyWh()).as("the interval across the failed read is not guessed").isZero();
    }

    @Test
    void publishedEnergyIsSavedBeforeItIsPublished() {
        monitor.then(1, watts(36));
        sample(11);
        sampler().publish();

        double published = reporter.telemetry.get(0).energyWh();
        assertThat(new EnergyCounter(stateDir, clock.instant()).wattHours()).isEqualTo(published).isPositive();
    }

    @Test
    void aCounterThatCannotBeSavedIsReportedOnceAndTelemetryGoesOn() throws IOException {
        Path notADir = Files.writeString(stateDir.resolve("file"), "x");
        sampler = new TelemetrySampler(monitor, new EnergyCounter(notADir.resolve("state"), clock.instant()), reporter,
                clock, SAMPLE, accepted::add, sensorChanges::add);
        for (int i = 0; i < 3; i++) {
            sample(5);
            sampler.publish();
        }
        assertThat(reporter.telemetry).hasSize(3);
        assertThat(reporter.eventKinds()).containsExactly("state.write.failed");
    }

    @Test
    void everyAcceptedReadingIsPassedOnInOrderAndRejectedOnesAreNot() {
        monitor.then(1, watts(1)).then(1, implausible()).then(1, watts(2)).then(1, busError()).then(1, watts(3));
        sample(5);
        assertThat(accepted).extracting(Reading::watts).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void aFailedSensorAnsweringGarbageIsStillRetriedOnlyEveryRetryPeriod() {
        monitor.then(5, busError()).then(50, implausible());
        sample(5);
        assertThat(sampler().sensorStatus()).isEqualTo("failed");

        clock.advance(TelemetrySampler.RETRY_FAILED);
        sample(10); // the retry is due at the first of these; the other nine fall within the next period
        assertThat(monitor.reads).isEqualTo(6);
    }
}
