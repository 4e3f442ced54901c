package io.racklet.bmc.energy;

import io.racklet.bmc.report.NodeReporter;
import io.racklet.protocol.message.PowerTelemetry;
import java.time.InstantSource;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the power monitor and publishes telemetry. Read errors are counted; after
 * {@value #FAILURES_BEFORE_FAILED} in a row the sensor is declared failed (event and state) until
 * a read succeeds again. Implausible values are counted and never published.
 */
public final class TelemetrySampler {
    private static final Logger log = LoggerFactory.getLogger(TelemetrySampler.class);
    static final int FAILURES_BEFORE_FAILED = 5;

    private final PowerMonitor monitor;
    private final NodeReporter reporter;
    private final InstantSource clock;
    private final Consumer<String> onSensorChange;
    private long seq;
    private int consecutiveErrors;
    private long rejected;
    private boolean configured;
    private String sensor = "ok";
    private Reading last;

    public TelemetrySampler(PowerMonitor monitor, NodeReporter reporter, InstantSource clock, Consumer<String> onSensorChange) {
        this.monitor = monitor;
        this.reporter = reporter;
        this.clock = clock;
        this.onSensorChange = onSensorChange;
    }

    /** "ok" or "failed". */
    public String sensorStatus() {
        return sensor;
    }

    public long rejectedCount() {
        return rejected;
    }

    public Reading lastReading() {
        return last;
    }

    public void sample() {
        try {
            if (!configured) {
                monitor.configure();
                configured = true;
            }
            Reading r = monitor.read();
            last = r;
            consecutiveErrors = 0;
            if (!sensor.equals("ok")) {
                sensor = "ok";
                reporter.event("sensor.recovered", "power monitor answers again", "read succeeded");
                onSensorChange.accept("power monitor recovered");
            }
            reporter.telemetry(PowerTelemetry.of(++seq, clock.instant(), r.volts(), r.amps(), r.watts()));
        } catch (ImplausibleReadingException e) {
            rejected++;
            log.warn("rejected reading #{}: {}", rejected, e.getMessage());
        } catch (RuntimeException e) {
            // bus errors (Pi4J IOException) and anything the driver throws: the agent keeps running
            configured = false;
            consecutiveErrors++;
            log.warn("power monitor read failed ({} in a row): {}", consecutiveErrors, e.getMessage());
            if (consecutiveErrors == FAILURES_BEFORE_FAILED) {
                sensor = "failed";
                reporter.event("sensor.failed", "power monitor failed " + FAILURES_BEFORE_FAILED
                        + " reads in a row: " + e.getMessage(), "I2C read errors");
                onSensorChange.accept("power monitor failed");
            }
        }
    }
}
