package io.racklet.sim.power;

import java.time.Duration;

/**
 * What a compute node draws from its rail over time: a modelled profile ({@link LoadProfile}) or
 * one measured from something real running (a QEMU node's CPU use).
 */
public interface NodeDraw {

    /** Current drawn {@code sinceOn} after the rail came up, with {@code load} (0..1) of CPU use the model was given. */
    double amps(Duration sinceOn, double load);

    /** True while the node is still booting. */
    boolean booting(Duration sinceOn);
}
