package io.racklet.tests.thermal;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.protocol.message.RackTelemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RMC's cascaded fan control against the simulated rack's thermal model, in virtual time:
 * each scenario runs minutes of rack behaviour in milliseconds, the same way every run.
 */
class CoolingClosedLoopTest {
    static final double TARGET = 33;

    @TempDir
    Path oneWire;

    private static double zone(CoolingRig rig) {
        return rig.zone.zone().celsius();
    }

    private static double meanDuty(CoolingRig rig) {
        return rig.zone.fans().stream().mapToDouble(RackTelemetry.Fan::duty).average().orElseThrow();
    }

    @Test
    void zoneStartsInFailsafeUntilSensorsReport() {
        try (CoolingRig rig = new CoolingRig(oneWire, Optional.of(CoolingRig.pid(TARGET)))) {
            rig.run(Duration.ofMillis(300)); // fan loop ran, no sensor poll yet
            assertThat(rig.zone.mode()).isEqualTo("failsafe");
            assertThat(meanDuty(rig)).isEqualTo(100);
            rig.run(Duration.ofSeconds(3));
            assertThat(rig.zone.mode()).isEqualTo("pid");
        }
    }

    @Test
    void loadStepIsAbsorbedAndTheZoneReturnsToTarget() {
        try (CoolingRig rig = new CoolingRig(oneWire, Optional.of(CoolingRig.pid(TARGET)))) {
            rig.run(Duration.ofMinutes(10));
            assertThat(zone(rig)).isCloseTo(TARGET, org.assertj.core.data.Offset.offset(1.0));
            double idleDuty = meanDuty(rig);
            rig.load(0.8);
            double peak = 0;
            double lastOutside = 0;
            for (int s = 1; s <= 300; s++) {
                rig.run(Duration.ofSeconds(1));
                peak = Math.max(peak, zone(rig));
                if (Math.abs(zone(rig) - TARGET) > 1.0) lastOutside = s;
            }
            assertThat(meanDuty(rig)).as("fans work harder under load").isGreaterThan(idleDuty + 15);
            assertThat(peak - TARGET).as("overshoot").isLessThanOrEqualTo(1.5);
            assertThat(lastOutside).as("seconds until settled within 1 C").isLessThanOrEqualTo(60);
            assertThat(zone(rig)).isCloseTo(TARGET, org.assertj.core.data.Offset.offset(1.0));
        }
    }

    @Test
    void ambientStepRaisesFanSpeedAndTheZoneReturnsToTarget() {
        try (CoolingRig rig = new CoolingRig(oneWire, Optional.of(CoolingRig.pid(TARGET)))) {
            rig.run(Duration.ofMinutes(10));
            double before = rig.zone.rpmTarget();
            rig.rack.air().setAmbient(28);
            rig.run(Duration.ofMinutes(5));
            assertThat(rig.zone.rpmTarget()).isGreaterThan(before + 300);
            assertThat(zone(rig)).isCloseTo(TARGET, org.assertj.core.data.Offset.offset(1.0));
        }
    }

    @Test
    void aFailedFanRaisesAnAlarmAndTheOtherCompensates() {
        try (CoolingRig rig = new CoolingRig(oneWire, Optional.of(CoolingRig.pid(TARGET)))) {
            rig.run(Duration.ofMinutes(5));
            rig.rack.fans().get(0).seize();
            // it spins down (about 4 s), gets a 2 s kick, then 3 s more at 0 RPM make it a failure
            rig.run(Duration.ofSeconds(15));
            assertThat(rig.events).anyMatch(e -> e.startsWith("fan.failed: fan fan-1"));
            assertThat(rig.zone.fans()).satisfiesExactly(
                    f1 -> assertThat(f1.status()).isEqualTo("failed"),
                    f2 -> assertThat(f2.duty()).isEqualTo(100));
            rig.run(Duration.ofMinutes(5));
            assertThat(zone(rig)).as("one fan at full speed still holds the zone near target").isLessThan(TARGET + 1.5);
            rig.rack.fans().get(0).free();
            rig.run(Duration.ofSeconds(10));
            assertThat(rig.events).anyMatch(e -> e.startsWith("fan.recovered: fan fan-1"));
        }
    }

    @Test
    void oneStuckSensorIsLeftOutAndLosingAllGoesToFailsafe() {
        try (CoolingRig rig = new CoolingRig(oneWire, Optional.of(CoolingRig.pid(TARGET)))) {
            rig.run(Duration.ofMinutes(2));
            rig.rack.hotAirSensor().faults().failAlways();
            rig.run(Duration.ofSeconds(5));
            assertThat(rig.zone.mode()).as("the exhaust sensor still reports").isEqualTo("pid");
            assertThat(rig.events).anyMatch(e -> e.startsWith("sensor hot-air: I2C"));
            rig.rack.exhaustSensor().faults().stick(0x00, 0x7FFF); // 255.99 C: impossible, rejected
            rig.run(Duration.ofSeconds(5));
            assertThat(rig.zone.mode()).isEqualTo("failsafe");
            assertThat(rig.zone.zone().cause()).contains("no fresh temperature");
            assertThat(meanDuty(rig)).isEqualTo(100);
            assertThat(rig.events).anyMatch(e -> e.startsWith("cooling.failsafe"));
            rig.rack.hotAirSensor().faults().clear();
            rig.rack.exhaustSensor().faults().clear();
            rig.run(Duration.ofSeconds(5));
            assertThat(rig.zone.mode()).isEqualTo("pid");
        }
    }

    @Test
    void withoutAValidPolicyTheFansRunAtTheNoPolicyFailsafe() {
        try (CoolingRig rig = new CoolingRig(oneWire, Optional.empty())) {
            rig.run(Duration.ofSeconds(10));
            assertThat(rig.zone.mode()).isEqualTo("failsafe");
            assertThat(rig.zone.zone().cause()).contains("no valid fan policy");
            assertThat(meanDuty(rig)).isEqualTo(80);
        }
    }

    @Test
    void curvePolicyDrivesDutyFromTemperature() {
        var points = java.util.List.of(new io.racklet.protocol.resource.FanPolicyResource.CurvePoint(25, 30),
                new io.racklet.protocol.resource.FanPolicyResource.CurvePoint(40, 100));
        try (CoolingRig rig = new CoolingRig(oneWire, Optional.of(CoolingRig.curve(points)))) {
            rig.run(Duration.ofMinutes(5));
            assertThat(rig.zone.mode()).isEqualTo("curve");
            double expected = 30 + 70 * (zone(rig) - 25) / 15;
            assertThat(meanDuty(rig)).isCloseTo(expected, org.assertj.core.data.Offset.offset(5.0));
        }
    }
}
