package io.racklet.sim.fan;

import io.racklet.sim.board.SimBoard;

/**
 * A 4-wire PC fan on the RMC board: its speed follows the PWM duty with inertia, it stalls below
 * a minimum duty unless already turning, and its tachometer line pulses {@code pulsesPerRev}
 * times per revolution. A seized fan ({@link #seize()}) stops whatever the duty.
 */
public final class FanModel {
    /** Below this duty a stopped fan does not start; a turning one keeps turning down to {@link #HOLD_DUTY}. */
    static final double START_DUTY = 30, HOLD_DUTY = 15, TIME_CONSTANT_S = 1.2;

    private final SimBoard board;
    private final int pwmChannel;
    private final int tachLine;
    private final double maxRpm;
    private final int pulsesPerRev;
    private double rpm;
    private double pulsePhase;
    private boolean seized;

    public FanModel(SimBoard board, int pwmChannel, int tachLine, double maxRpm, int pulsesPerRev) {
        this.board = board;
        this.pwmChannel = pwmChannel;
        this.tachLine = tachLine;
        this.maxRpm = maxRpm;
        this.pulsesPerRev = pulsesPerRev;
    }

    public void step(double seconds) {
        double duty;
        synchronized (this) {
            duty = board.pwmDuty(pwmChannel);
            double target = seized || duty < HOLD_DUTY || (rpm < 1 && duty < START_DUTY) ? 0 : maxRpm * Math.min(100, duty) / 100;
            rpm = target + (rpm - target) * Math.exp(-seconds / TIME_CONSTANT_S);
            if (rpm < 1 && target == 0) rpm = 0;
            pulsePhase += rpm / 60 * pulsesPerRev * seconds;
        }
        // each whole pulse is one rising and one falling edge on the tach line
        while (pulsePhase >= 1) {
            pulsePhase -= 1;
            board.writeLine(tachLine, true);
            board.writeLine(tachLine, false);
        }
    }

    public synchronized double rpm() {
        return rpm;
    }

    /** Share of full speed, for the airflow model. */
    public synchronized double flowFraction() {
        return rpm / maxRpm;
    }

    public synchronized void seize() {
        seized = true;
    }

    public synchronized void free() {
        seized = false;
    }
}
