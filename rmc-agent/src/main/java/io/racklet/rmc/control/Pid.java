package io.racklet.rmc.control;

/**
 * A PID controller with a deadband (errors within it count as zero: no hunting around the
 * target) and anti-windup by back-calculation (while the output is saturated in the direction the
 * error pushes, the integral is held where it puts the output exactly at the limit, so it
 * responds at once when the error turns). Output is {@code base + P + I + D}, clamped to [min, max].
 */
public final class Pid {
    private final double kp, ki, kd, base, min, max, deadband;
    private double integral;
    private Double previousError;

    public Pid(double kp, double ki, double kd, double base, double min, double max, double deadband) {
        this.kp = kp;
        this.ki = ki;
        this.kd = kd;
        this.base = base;
        this.min = min;
        this.max = max;
        this.deadband = deadband;
    }

    public double update(double error, double dtSeconds) {
        double e = Math.abs(error) <= deadband ? 0 : error;
        double derivative = previousError == null || dtSeconds <= 0 ? 0 : kd * (e - previousError) / dtSeconds;
        previousError = e;
        double rest = base + kp * e + derivative;
        double candidate = integral + ki * e * dtSeconds;
        if (rest + candidate > max && e > 0) {
            candidate = Math.max(integral, max - rest);
        } else if (rest + candidate < min && e < 0) {
            candidate = Math.min(integral, min - rest);
        }
        integral = candidate;
        return Math.max(min, Math.min(max, base + kp * e + integral + derivative));
    }

    public void reset() {
        integral = 0;
        previousError = null;
    }
}
