package io.racklet.sim.thermal;

import java.util.function.DoubleSupplier;

/**
 * The air inside the rack as one thermal mass: the nodes' power heats it, the fans' airflow and
 * the walls carry heat to the ambient air. dT/dt = (P - G(airflow) * (T - T_ambient)) / C.
 * Figures for a small closed 10-inch rack: C = 300 J/K (air plus trays), G from 0.5 W/K (still)
 * to 3 W/K per fan at full speed. A node sits above the air by its power times a thermal
 * resistance that falls with airflow (8 K/W still, 3 K/W at full flow).
 */
public final class RackAir {
    static final double HEAT_CAPACITY = 300, PASSIVE_CONDUCTANCE = 0.5, CONDUCTANCE_PER_FAN = 3.0;
    static final double NODE_RESISTANCE_STILL = 8, NODE_RESISTANCE_FULL = 3;

    private final DoubleSupplier heatWatts;
    private final DoubleSupplier airflow;
    private final int fans;
    private double ambient;
    private double celsius;

    /**
     * @param heatWatts what all nodes draw (all of it ends up as heat)
     * @param airflow   the fans' combined flow as a fraction of all fans at full speed (0..1)
     * @param fans      how many fans the rack has
     */
    public RackAir(double ambientCelsius, DoubleSupplier heatWatts, DoubleSupplier airflow, int fans) {
        this.ambient = ambientCelsius;
        this.celsius = ambientCelsius;
        this.heatWatts = heatWatts;
        this.airflow = airflow;
        this.fans = fans;
    }

    public synchronized void step(double seconds) {
        double g = conductance();
        // exact solution over the step keeps large steps stable
        double equilibrium = ambient + heatWatts.getAsDouble() / g;
        celsius = equilibrium + (celsius - equilibrium) * Math.exp(-g * seconds / HEAT_CAPACITY);
    }

    private double conductance() {
        return PASSIVE_CONDUCTANCE + CONDUCTANCE_PER_FAN * fans * Math.max(0, Math.min(1, airflow.getAsDouble()));
    }

    public synchronized double celsius() {
        return celsius;
    }

    public synchronized double ambient() {
        return ambient;
    }

    public synchronized void setAmbient(double c) {
        ambient = c;
    }

    /** A node's temperature: the air plus its power through a resistance that airflow lowers. */
    public synchronized double nodeCelsius(double nodeWatts) {
        double flow = Math.max(0, Math.min(1, airflow.getAsDouble()));
        return celsius + nodeWatts * (NODE_RESISTANCE_STILL - (NODE_RESISTANCE_STILL - NODE_RESISTANCE_FULL) * flow);
    }
}
