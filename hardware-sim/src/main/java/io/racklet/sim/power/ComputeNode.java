package io.racklet.sim.power;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A compute node on its switched 5 V rail: the rail follows the BMC's enable line, and the node's
 * draw follows its {@link NodeDraw} (a {@link LoadProfile}, or a QEMU node's measured CPU use) plus a
 * little background activity. Values are computed
 * from the time since power-on when asked, so the model needs no ticking and is exact in virtual time.
 */
public final class ComputeNode {
    private final InstantSource clock;
    private final NodeDraw profile;
    private final double supplyVolts;
    private final double pathOhms;
    private final double activityPhase;
    private final List<Consumer<Boolean>> powerListeners = new CopyOnWriteArrayList<>();
    private Instant poweredOnAt;
    private Instant haltAt;
    private double load;
    /** What a halted Pi 4 still draws from its rail (EEPROM POWER_OFF_ON_HALT=0). */
    public static final double HALTED_AMPS = 0.05;
    /** How long the OS takes from a shutdown request to halting. */
    public static final Duration SHUTDOWN_TIME = Duration.ofSeconds(5);

    /**
     * @param supplyVolts the backplane's 5 V rail at no load
     * @param pathOhms    resistance of switch, shunt and wiring between supply and node
     * @param seed        varies the background activity between nodes
     */
    public ComputeNode(InstantSource clock, NodeDraw profile, double supplyVolts, double pathOhms, long seed) {
        this.clock = clock;
        this.profile = profile;
        this.supplyVolts = supplyVolts;
        this.pathOhms = pathOhms;
        this.activityPhase = (seed * 2654435761L % 1000) / 1000.0 * 2 * Math.PI;
    }

    public void setPowered(boolean on) {
        boolean changed;
        synchronized (this) {
            changed = on != (poweredOnAt != null);
            if (on && poweredOnAt == null) {
                poweredOnAt = clock.instant();
                haltAt = null;
            } else if (!on) {
                poweredOnAt = null;
                haltAt = null;
            }
        }
        if (changed) {
            powerListeners.forEach(l -> l.accept(on));
        }
    }

    /** Lets other models (e.g. the console) follow the rail. */
    public void onPowerChange(Consumer<Boolean> listener) {
        powerListeners.add(listener);
    }

    /** The OS was asked to shut down (shutdown button or line): it halts after {@link #SHUTDOWN_TIME}. */
    public synchronized void requestShutdown() {
        if (poweredOnAt != null && haltAt == null) {
            haltAt = clock.instant().plus(SHUTDOWN_TIME);
        }
    }

    /** Powered but its OS has halted. */
    public synchronized boolean halted() {
        return haltAt != null && !clock.instant().isBefore(haltAt);
    }

    public synchronized boolean powered() {
        return poweredOnAt != null;
    }

    public synchronized Instant poweredOnAt() {
        return poweredOnAt;
    }

    /** CPU load 0..1 applied once the node has booted. */
    public synchronized void setLoad(double load) {
        this.load = Math.max(0, Math.min(1, load));
    }

    public synchronized double amps() {
        if (poweredOnAt == null) return 0;
        if (halted()) return HALTED_AMPS;
        Duration since = Duration.between(poweredOnAt, clock.instant());
        // daemons waking up: a few percent of load drifting with a period of about half a minute
        double activity = profile.booting(since) ? 0 : 0.04 * (1 + Math.sin(since.toMillis() / 4700.0 + activityPhase));
        return profile.amps(since, Math.min(1, load + activity));
    }

    /** Voltage at the node's input, after the drop across the switched path. */
    public synchronized double volts() {
        return poweredOnAt == null ? 0 : supplyVolts - amps() * pathOhms;
    }

    public double watts() {
        return volts() * amps();
    }
}
