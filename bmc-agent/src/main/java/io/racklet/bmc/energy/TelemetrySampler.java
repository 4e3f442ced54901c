package io.racklet.bmc.energy;

import io.racklet.bmc.report.NodeReporter;
import io.racklet.drivers.thermal.Thermometer;
import io.racklet.protocol.message.PowerTelemetry;
import io.racklet.time.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the power monitor (10 Hz by default), integrates energy, and publishes min/mean/max per
 * interval (1 s by default). Read errors are counted; after {@value #FAILURES_BEFORE_FAILED} in a
 * row the sensor is declared failed (event and state) and retried every {@link #RETRY_FAILED}
 * until a read succeeds. Implausible values are counted and never published or integrated.
 */
public final class TelemetrySampler {
    private static final Logger log = LoggerFactory.getLogger(TelemetrySampler.class);
    public static final int FAILURES_BEFORE_FAILED = 5;
    public static final Duration RETRY_FAILED = Duration.ofSeconds(5);

    private final PowerMonitor monitor;
    private final EnergyCounter energy;
    private final NodeReporter reporter;
    private final Scheduler clock;
    private final Duration sampleInterval;
    private final Consumer<Reading> onReading;
    private final Consumer<String> onSensorChange;
    private IntervalStats stats = new IntervalStats();
    private long seq;
    private int consecutiveErrors;
    private long rejected;
    private boolean configured;
    private boolean failed;
    private Instant nextRetry;
    private Instant lastSampleAt;
    private boolean saveFailing;
    private Reading last;
    private Thermometer thermometer;
    private boolean thermometerFailing;

    /**
     * @param onReading      every accepted reading (e.g. for over-current protection)
     * @param onSensorChange called with a cause when the sensor fails or recovers
     */
    public TelemetrySampler(PowerMonitor monitor, EnergyCounter energy, NodeReporter reporter, Scheduler clock,
            Duration sampleInterval, Consumer<Reading> onReading, Consumer<String> onSensorChange) {
        this.monitor = monitor;
        this.energy = energy;
        this.reporter = reporter;
        this.clock = clock;
        this.sampleInterval = sampleInterval;
        this.onReading = onReading;
        this.onSensorChange = onSensorChange;
    }

    /** Adds the node's temperature to each telemetry message. */
    public void withThermometer(Thermometer t) {
        thermometer = t;
    }

    /** "ok" or "failed". */
    public String sensorStatus() {
        return failed ? "failed" : "ok";
    }

    public long rejectedCount() {
        return rejected;
    }

    public Reading lastReading() {
        return last;
    }

    public double energyWh() {
        return energy.wattHours();
    }

    /** One sample; runs every sample interval. */
    public void sample() {
        Instant now = clock.instant();
        if (failed && now.isBefore(nextRetry)) {
            return;
        }
        try {
            if (!configured) {
                monitor.configure();
                configured = true;
            }
            Reading r = monitor.read();
            accept(r, now);
        } catch (ImplausibleReadingException e) {
            rejected++;
            if (failed) {
                nextRetry = now.plus(RETRY_FAILED); // garbage is no recovery: keep to the retry period
            }
            log.warn("rejected reading #{}: {}", rejected, e.getMessage());
        } catch (RuntimeException e) {
            // bus errors (Pi4J IOException) and anything the driver throws: the agent keeps running
            readFailed(e, now);
        }
    }

    private void accept(Reading r, Instant now) {
        last = r;
        consecutiveErrors = 0;
        if (failed) {
            failed = false;
            reporter.event("sensor.recovered", "power monitor answers again", "read succeeded");
            onSensorChange.accept("power monitor recovered");
        }
        if (lastSampleAt != null) {
            // a gap (sensor failure, paused process) is not guessed at: count at most two intervals
            double seconds = Math.min(Duration.between(lastSampleAt, now).toNanos(), 2 * sampleInterval.toNanos()) / 1e9;
            energy.add(r.watts(), seconds);
        }
        lastSampleAt = now;
        stats.add(r);
        onReading.accept(r);
    }

    private void readFailed(RuntimeException e, Instant now) {
        configured = false;
        lastSampleAt = null;
        consecutiveErrors++;
        if (failed) {
            nextRetry = now.plus(RETRY_FAILED);
            log.debug("power monitor still failing: {}", e.getMessage());
            return;
        }
        log.warn("power monitor read failed ({} in a row): {}", consecutiveErrors, e.getMessage());
        if (consecutiveErrors >= FAILURES_BEFORE_FAILED) {
            failed = true;
            nextRetry = now.plus(RETRY_FAILED);
            reporter.event("sensor.failed", "power monitor failed " + FAILURES_BEFORE_FAILED
                    + " reads in a row (" + e.getMessage() + "); retrying every " + RETRY_FAILED.toSeconds() + " s",
                    "I2C read errors");
            onSensorChange.accept("power monitor failed");
        }
    }

    /** Publishes the interval's figures; the energy counter is saved first so it never goes back. */
    public void publish() {
        if (stats.count() == 0) {
            return;
        }
        try {
            energy.save();
            saveFailing = false;
        } catch (IOException e) {
            if (!saveFailing) {
                reporter.event("state.write.failed", "cannot save the energy counter: " + e.getMessage(), "disk");
            }
            saveFailing = true;
        }
        IntervalStats s = stats;
        stats = new IntervalStats();
        reporter.telemetry(PowerTelemetry.of(++seq, clock.instant(), s.meanVolts(), s.meanAmps(), s.meanWatts(),
                s.minWatts(), s.maxWatts(), energy.wattHours(), s.count(), nodeCelsius()));
    }

    /** The node's temperature, or null without a thermometer or when it fails (said once). */
    private Double nodeCelsius() {
        if (thermometer == null) return null;
        try {
            double c = thermometer.celsius();
            if (thermometerFailing) {
                thermometerFailing = false;
                reporter.event("thermometer.recovered", "node thermometer reads again", "read succeeded");
            }
            return c;
        } catch (RuntimeException e) {
            if (!thermometerFailing) {
                thermometerFailing = true;
                reporter.event("thermometer.failed", "node thermometer: " + e.getMessage(), "I2C");
            }
            return null;
        }
    }
}
