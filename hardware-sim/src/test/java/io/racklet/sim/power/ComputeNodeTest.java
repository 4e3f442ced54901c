package io.racklet.sim.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.racklet.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComputeNodeTest {
    private static final LoadProfile PI = LoadProfile.RASPBERRY_PI_4;
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private final ComputeNode node = new ComputeNode(clock, PI, 5.1, 0.12, 1);

    @Test
    void profileDrawsInrushAboveBootAboveIdle() {
        double inrush = PI.amps(Duration.ZERO, 0);
        double boot = PI.amps(Duration.ofSeconds(5), 0);
        double idle = PI.amps(Duration.ofSeconds(30), 0);
        assertThat(inrush).isEqualTo(PI.inrushAmps());
        assertThat(boot).isEqualTo(PI.bootAmps());
        assertThat(idle).isEqualTo(PI.idleAmps());
        assertThat(inrush).isGreaterThan(boot);
        assertThat(boot).isGreaterThan(idle);
    }

    @Test
    void inrushDecaysTowardsBootCurrent() {
        double early = PI.amps(Duration.ofMillis(10), 0);
        double late = PI.amps(Duration.ofMillis(190), 0);
        assertThat(early).isGreaterThan(late);
        assertThat(late).isGreaterThan(PI.bootAmps());
    }

    @Test
    void loadOnlyCountsOnceBootedAndIsClamped() {
        assertThat(PI.amps(Duration.ofSeconds(5), 1)).isEqualTo(PI.bootAmps());
        assertThat(PI.amps(Duration.ofSeconds(30), 1)).isEqualTo(PI.fullLoadAmps());
        assertThat(PI.amps(Duration.ofSeconds(30), 0.5)).isCloseTo((PI.idleAmps() + PI.fullLoadAmps()) / 2, within(1e-9));
        assertThat(PI.amps(Duration.ofSeconds(30), 7)).isEqualTo(PI.fullLoadAmps());
        assertThat(PI.amps(Duration.ofSeconds(-1), 0)).isZero();
        assertThat(PI.booting(Duration.ofSeconds(19))).isTrue();
        assertThat(PI.booting(Duration.ofSeconds(20))).isFalse();
    }

    @Test
    void unpoweredNodeDrawsNothingAndSeesNoVoltage() {
        assertThat(node.powered()).isFalse();
        assertThat(node.amps()).isZero();
        assertThat(node.volts()).isZero();
        assertThat(node.watts()).isZero();
    }

    /** Idle plus the model's background activity (at most 8 % load). */
    private static void assertIdle(double amps) {
        assertThat(amps).isBetween(PI.idleAmps(), PI.idleAmps() + 0.08 * (PI.fullLoadAmps() - PI.idleAmps()));
    }

    @Test
    void poweredNodeFollowsItsProfileInVirtualTime() {
        node.setPowered(true);
        assertThat(node.amps()).isEqualTo(PI.inrushAmps());
        clock.advance(Duration.ofSeconds(1));
        assertThat(node.amps()).isEqualTo(PI.bootAmps());
        clock.advance(Duration.ofSeconds(30));
        assertIdle(node.amps());
    }

    @Test
    void loadRaisesCurrentAndVoltsDropWithCurrent() {
        node.setPowered(true);
        clock.advance(Duration.ofSeconds(30));
        double idleAmps = node.amps();
        double idleVolts = node.volts();

        node.setLoad(1);

        assertThat(node.amps()).isEqualTo(PI.fullLoadAmps()).isGreaterThan(idleAmps);
        assertThat(node.volts()).isLessThan(idleVolts);
        assertThat(node.volts()).isCloseTo(5.1 - node.amps() * 0.12, within(1e-9));
        assertThat(node.watts()).isCloseTo(node.volts() * node.amps(), within(1e-9));
    }

    @Test
    void poweringAnAlreadyPoweredNodeDoesNotRestartItsBoot() {
        node.setPowered(true);
        clock.advance(Duration.ofSeconds(30));
        node.setPowered(true);
        assertIdle(node.amps());
    }

    @Test
    void switchingOffDropsToZeroAndOnAgainBootsAfresh() {
        node.setPowered(true);
        clock.advance(Duration.ofSeconds(30));
        node.setPowered(false);
        assertThat(node.amps()).isZero();
        assertThat(node.volts()).isZero();

        node.setPowered(true);
        assertThat(node.amps()).isEqualTo(PI.inrushAmps());
    }

    @Test
    void powerListenersHearChangesOnly() {
        List<Boolean> heard = new ArrayList<>();
        node.onPowerChange(heard::add);

        node.setPowered(false); // already off
        node.setPowered(true);
        node.setPowered(true);  // already on: no second boot for the console
        clock.advance(Duration.ofSeconds(1));
        node.setPowered(false);
        node.setPowered(false);

        assertThat(heard).containsExactly(true, false);
    }
}
