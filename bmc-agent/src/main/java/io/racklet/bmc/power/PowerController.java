package io.racklet.bmc.power;

import io.racklet.bmc.report.NodeReporter;
import io.racklet.json.DurationText;
import io.racklet.protocol.message.PowerAction;
import io.racklet.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's power as a reconcile loop: observe the enable line, compare with the desired state,
 * act, and report each change with its cause. Runs on the agent's scheduler thread only.
 */
public final class PowerController {
    private static final Logger log = LoggerFactory.getLogger(PowerController.class);
    /** Below this a powered node counts as halted (a halted Pi 4 draws about 0.25 W). */
    static final double HALTED_WATTS = 1.0;
    static final Duration HALTED_FOR = Duration.ofSeconds(2);
    static final Duration SHUTDOWN_PULSE = Duration.ofMillis(200);

    private final PowerSwitch rail;
    private final Optional<SignalLine> reset;
    private final Optional<SignalLine> shutdown;
    private final PowerAdmission gate;
    private final PowerConfig config;
    private final Scheduler scheduler;
    private final NodeReporter reporter;
    private final DesiredPowerStore store;
    private final Consumer<String> onStateChange;
    private boolean desiredOn;
    private String desiredCause;
    private Boolean observedOn;
    private Scheduler.Cancellable pendingCycle;
    private Scheduler.Cancellable shutdownTimeout;
    private String shutdownCause;
    private Instant lowSince;

    /**
     * @param reset         the node's reset line, if one is wired
     * @param shutdown      the node's shutdown line, if one is wired
     * @param gate          what must allow power-on (verified boot, the rack's power budget)
     * @param onStateChange called with the cause whenever the observed power state changes
     */
    public PowerController(PowerSwitch rail, Optional<SignalLine> reset, Optional<SignalLine> shutdown, PowerAdmission gate,
            PowerConfig config, Scheduler scheduler, NodeReporter reporter, DesiredPowerStore store,
            Consumer<String> onStateChange) {
        this.rail = rail;
        this.reset = reset;
        this.shutdown = shutdown;
        this.gate = gate;
        this.config = config;
        this.scheduler = scheduler;
        this.reporter = reporter;
        this.store = store;
        this.onStateChange = onStateChange;
    }

    /**
     * Adopts the line as found: a rail that is on stays on, whatever the policy. Only a rail that
     * is off is subject to the restore policy. Never toggles a running node.
     */
    public void start() {
        boolean on = rail.isOn();
        observedOn = on;
        if (on) {
            setDesired(true, "adopted: rail was on when the agent started");
        } else {
            Optional<Boolean> last = store.load();
            switch (config.restorePolicy()) {
                case ALWAYS_ON -> setDesired(true, "restore policy always-on");
                case ALWAYS_OFF -> setDesired(false, "restore policy always-off");
                case LAST_STATE -> setDesired(last.orElse(false),
                        last.isPresent() ? "restore policy last-state" : "restore policy last-state (no saved state: off)");
            }
        }
        onStateChange.accept(desiredCause);
        reconcile();
    }

    public boolean isOn() {
        return Boolean.TRUE.equals(observedOn);
    }

    public boolean desiredOn() {
        return desiredOn;
    }

    public String lastCause() {
        return desiredCause;
    }

    /** Carries out a requested action; {@code cause} names who asked (a command, a commit). */
    public void request(PowerAction action, String cause) {
        switch (action) {
            case ON -> {
                cancelPendingCycle();
                cancelShutdown();
                setDesired(true, cause);
            }
            case OFF -> {
                cancelPendingCycle();
                cancelShutdown();
                setDesired(false, cause);
            }
            case CYCLE -> cycle(cause);
            case RESET -> pulseReset(cause);
            case SHUTDOWN -> beginShutdown(cause);
        }
        reconcile();
    }

    /**
     * The rack spec declares the node on or off. Off is a graceful shutdown where the node has a
     * shutdown line (power is cut once it halts or after the timeout), else power is cut.
     */
    public void declare(boolean on, String cause) {
        if (on) {
            request(PowerAction.ON, cause);
        } else {
            request(shutdown.isPresent() && isOn() ? PowerAction.SHUTDOWN : PowerAction.OFF, cause);
        }
    }

    /** A precondition of power-on failed for good (e.g. the boot image was refused): the node stays off. */
    public void abandonPowerOn(String cause) {
        setDesired(false, cause);
        reconcile();
        onStateChange.accept(cause);
    }

    /** The RMC refused to fit the node into the rack's budget: it stays off. */
    public void refused(String reason) {
        reporter.event("power.refused", "the rack's power budget refused this node: " + reason, desiredCause);
        setDesired(false, "refused by the rack's power budget: " + reason);
        reconcile();
    }

    /**
     * Asks the node's OS to shut down through its shutdown line; power is cut once the node has
     * halted (its draw falls below {@value #HALTED_WATTS} W for 2 s) or after the timeout.
     */
    private void beginShutdown(String cause) {
        if (shutdown.isEmpty()) {
            reporter.event("power.shutdown.refused", "no shutdown line is configured for this node (power.shutdownLine)", cause);
            return;
        }
        if (!isOn() || shutdownCause != null) return;
        cancelPendingCycle();
        shutdownCause = cause;
        lowSince = null;
        shutdown.get().hold(true);
        scheduler.schedule(SHUTDOWN_PULSE, () -> shutdown.get().hold(false));
        reporter.event("power.shutdown.requested", "asked the node to shut down; power is cut once it halts or after "
                + DurationText.format(config.shutdownTimeout()), cause);
        shutdownTimeout = scheduler.schedule(config.shutdownTimeout(), () -> finishShutdown("timed out after "
                + DurationText.format(config.shutdownTimeout())));
    }

    /** Every accepted power reading: watches a shutting-down node for its halt. */
    public void observe(double watts) {
        if (shutdownCause == null) return;
        Instant now = scheduler.instant();
        if (watts >= HALTED_WATTS) {
            lowSince = null;
        } else if (lowSince == null) {
            lowSince = now;
        } else if (Duration.between(lowSince, now).compareTo(HALTED_FOR) >= 0) {
            finishShutdown("node halted");
        }
    }

    private void finishShutdown(String how) {
        if (shutdownCause == null) return;
        String cause = shutdownCause + " (graceful shutdown: " + how + ")";
        shutdownCause = null;
        if (shutdownTimeout != null) shutdownTimeout.cancel();
        setDesired(false, cause);
        reconcile();
    }

    /** Cuts power for protection; the node stays off until someone explicitly asks for it. */
    public void protect(String kind, String cause) {
        // a cycle in its off phase would switch the node back on: protection ends it too
        boolean cycling = pendingCycle != null;
        cancelPendingCycle();
        if (!desiredOn && !isOn() && !cycling) return;
        reporter.event(kind, "power cut to protect the node; it stays off until commanded on", cause);
        setDesired(false, cause);
        reconcile();
    }

    private void cycle(String cause) {
        cancelPendingCycle();
        // only the live rail goes off: the saved state stays "on", so an agent restarted
        // mid-cycle still brings the node back under the last-state policy
        desiredOn = false;
        desiredCause = cause + " (cycle: off)";
        store.save(true);
        reconcile();
        pendingCycle = scheduler.schedule(config.cycleOffTime(), () -> {
            pendingCycle = null;
            setDesired(true, cause + " (cycle: on after " + DurationText.format(config.cycleOffTime()) + ")");
            reconcile();
        });
    }

    private void pulseReset(String cause) {
        if (reset.isEmpty()) {
            reporter.event("power.reset.refused", "no reset line is configured for this node (power.resetLine)", cause);
            return;
        }
        if (!isOn()) {
            reporter.event("power.reset.refused", "node is off: nothing to reset", cause);
            return;
        }
        reset.get().hold(true);
        reporter.event("power.reset", "reset held for " + DurationText.format(config.resetPulse()), cause);
        scheduler.schedule(config.resetPulse(), () -> reset.get().hold(false));
        onStateChange.accept(cause + " (reset)");
    }

    /** One pass of the loop: observe, diff, act, report. Called periodically and after each request. */
    public void reconcile() {
        boolean on = rail.isOn();
        if (observedOn != null && on != observedOn) {
            // someone or something else switched the rail: report it before correcting it
            reporter.event(on ? "power.on" : "power.off", "rail switched " + (on ? "on" : "off") + " outside the BMC",
                    "observed on the enable line");
            observedOn = on;
            onStateChange.accept("observed on the enable line");
        }
        if (!desiredOn) {
            gate.withdraw();
        }
        if (on != desiredOn) {
            if (desiredOn && !gate.admit(desiredCause)) {
                return; // the rack's budget has no room yet; the grant triggers another pass
            }
            log.info("power {} -> {} ({})", on ? "on" : "off", desiredOn ? "on" : "off", desiredCause);
            rail.set(desiredOn);
            observedOn = rail.isOn();
            if (observedOn == desiredOn) {
                reporter.event(desiredOn ? "power.on" : "power.off", "node powered " + (desiredOn ? "on" : "off"), desiredCause);
            } else {
                reporter.event("power.failed", "enable line did not follow: node still " + (observedOn ? "on" : "off"), desiredCause);
            }
            onStateChange.accept(desiredCause);
        }
    }

    private void setDesired(boolean on, String cause) {
        desiredOn = on;
        desiredCause = cause;
        store.save(on);
    }

    private void cancelShutdown() {
        if (shutdownCause != null) {
            shutdownCause = null;
            if (shutdownTimeout != null) shutdownTimeout.cancel();
        }
    }

    private void cancelPendingCycle() {
        if (pendingCycle != null) {
            pendingCycle.cancel();
            pendingCycle = null;
        }
    }
}
