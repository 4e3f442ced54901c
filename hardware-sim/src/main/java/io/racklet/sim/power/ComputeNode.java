package io.racklet.sim.power;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A compute node on its switched 5 V rail: the rail follows the BMC's enable line, and the node's
 * draw follows its {@link LoadProfile}. Values are computed from the time since power-on when
 * asked, so the model needs no ticking and is exact in virtual time.
 */
public final class ComputeNode {
    private final InstantSource clock;
    private final LoadProfile profile;
    private final double supplyVolts;
    private final double pathOhms;
    private Instant poweredOnAt;
    private double load;

    /**
     * @param supplyVolts the backplane's 5 V rail at no load
     * @param pathOhms    resistance of switch, shunt and wiring between supply and node
     */
    public ComputeNode(InstantSource clock, LoadProfile profile, double supplyVolts, double pathOhms) {
        this.clock = clock;
        this.profile = profile;
        this.supplyVolts = supplyVolts;
        this.pathOhms = pathOhms;
    }

    public synchronized void setPowered(boolean on) {
        if (on && poweredOnAt == null) {
            poweredOnAt = clock.instant();
        } else if (!on) {
            poweredOnAt = null;
        }
    }

    public synchronized boolean powered() {
        return poweredOnAt != null;
    }

    /** CPU load 0..1 applied once the node has booted. */
    public synchronized void setLoad(double load) {
        this.load = Math.max(0, Math.min(1, load));
    }

    public synchronized double amps() {
        return poweredOnAt == null ? 0 : profile.amps(Duration.between(poweredOnAt, clock.instant()), load);
    }

    /** Voltage at the node's input, after the drop across the switched path. */
    public synchronized double volts() {
        return poweredOnAt == null ? 0 : supplyVolts - amps() * pathOhms;
    }

    public double watts() {
        return volts() * amps();
    }
}
