package io.racklet.rmc.control;

import io.racklet.protocol.resource.FanPolicyResource.CurvePoint;
import java.util.List;

/**
 * Temperature to duty by linear interpolation between points, flat beyond the ends. Hysteresis:
 * duty only falls once the temperature has dropped {@code hysteresis} below where it last rose,
 * so a temperature wobbling at a point does not make the fans wobble.
 */
public final class FanCurve {
    private final List<CurvePoint> points;
    private final double hysteresis;
    private double duty = -1;
    private double setAt;

    public FanCurve(List<CurvePoint> points, double hysteresis) {
        this.points = List.copyOf(points);
        this.hysteresis = hysteresis;
    }

    public double duty(double celsius) {
        double target = interpolate(celsius);
        if (duty < 0 || target > duty || celsius <= setAt - hysteresis) {
            duty = target;
            setAt = celsius;
        }
        return duty;
    }

    double interpolate(double c) {
        if (c <= points.get(0).celsius()) return points.get(0).duty();
        for (int i = 1; i < points.size(); i++) {
            CurvePoint a = points.get(i - 1), b = points.get(i);
            if (c <= b.celsius()) {
                return a.duty() + (b.duty() - a.duty()) * (c - a.celsius()) / (b.celsius() - a.celsius());
            }
        }
        return points.get(points.size() - 1).duty();
    }
}
