package io.racklet.bmc.power;

import io.racklet.bmc.report.NodeReporter;
import io.racklet.json.DurationText;
import io.racklet.protocol.message.PowerAction;
import io.racklet.time.Scheduler;
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
    private final PowerSwitch rail;
    private final Optional<ResetLine> reset;
    private final PowerConfig config;
    private final Scheduler scheduler;
    private final NodeReporter reporter;
    private final DesiredPowerStore store;
    private final Consumer<String> onStateChange;
    private boolean desiredOn;
    private String desiredCause;
    private Boolean observedOn;
    private Scheduler.Cancellable pendingCycle;

    /**
     * @param reset         the node's reset line, if one is wired
     * @param onStateChange called with the cause whenever the observed power state changes
     */
    public PowerController(PowerSwitch rail, Optional<ResetLine> reset, PowerConfig config, Scheduler scheduler,
            NodeReporter reporter, DesiredPowerStore store, Consumer<String> onStateChange) {
        this.rail = rail;
        this.reset = reset;
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
                setDesired(true, cause);
            }
            case OFF -> {
                cancelPendingCycle();
                setDesired(false, cause);
            }
            case CYCLE -> cycle(cause);
            case RESET -> pulseReset(cause);
        }
        reconcile();
    }

    /** Cuts power for protection; the node stays off until someone explicitly asks for it. */
    public void protect(String kind, String cause) {
        cancelPendingCycle();
        if (!desiredOn && !isOn()) return;
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
        if (on != desiredOn) {
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

    private void cancelPendingCycle() {
        if (pendingCycle != null) {
            pendingCycle.cancel();
            pendingCycle = null;
        }
    }
}
