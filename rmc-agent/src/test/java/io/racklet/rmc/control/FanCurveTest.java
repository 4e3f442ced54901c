package io.racklet.rmc.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.protocol.resource.FanPolicyResource.CurvePoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanCurveTest {
    final List<CurvePoint> points = List.of(new CurvePoint(30, 20), new CurvePoint(40, 60), new CurvePoint(50, 100));

    @Test
    void interpolatesBetweenPointsAndIsFlatBeyond() {
        FanCurve c = new FanCurve(points, 0);
        assertThat(c.interpolate(20)).isEqualTo(20);
        assertThat(c.interpolate(35)).isEqualTo(40);
        assertThat(c.interpolate(45)).isEqualTo(80);
        assertThat(c.interpolate(60)).isEqualTo(100);
    }

    @Test
    void dutyOnlyFallsOnceTheTemperatureDroppedByTheHysteresis() {
        FanCurve c = new FanCurve(points, 2);
        assertThat(c.duty(40)).isEqualTo(60);
        assertThat(c.duty(39)).as("within hysteresis: holds").isEqualTo(60);
        assertThat(c.duty(38.5)).isEqualTo(60);
        assertThat(c.duty(37.9)).isLessThan(60);
        assertThat(c.duty(45)).as("rising follows at once").isEqualTo(80);
    }
}
