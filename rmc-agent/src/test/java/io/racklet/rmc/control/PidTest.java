package io.racklet.rmc.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PidTest {

    @Test
    void proportionalIntegralAndBase() {
        Pid pid = new Pid(2, 1, 0, 10, 0, 100, 0);
        assertThat(pid.update(5, 1)).isEqualTo(10 + 2 * 5 + 5);
        assertThat(pid.update(5, 1)).isEqualTo(10 + 2 * 5 + 10);
    }

    @Test
    void errorsInsideTheDeadbandCountAsZero() {
        Pid pid = new Pid(10, 10, 0, 50, 0, 100, 0.5);
        assertThat(pid.update(0.4, 1)).isEqualTo(50);
        assertThat(pid.update(-0.5, 1)).isEqualTo(50);
        assertThat(pid.update(1, 1)).isEqualTo(50 + 10 + 10);
    }

    @Test
    void integralDoesNotWindUpWhileSaturated() {
        Pid pid = new Pid(1, 10, 0, 0, 0, 100, 0);
        for (int i = 0; i < 100; i++) {
            assertThat(pid.update(50, 1)).isEqualTo(100);
        }
        // after a long saturation a reversed error brings the output down at once, not after unwinding
        assertThat(pid.update(-5, 1)).isLessThan(100);
    }

    @Test
    void derivativeReactsToTheErrorsChange() {
        Pid pid = new Pid(0, 0, 4, 50, 0, 100, 0);
        assertThat(pid.update(1, 1)).isEqualTo(50);
        assertThat(pid.update(3, 1)).isEqualTo(50 + 8);
    }

    @Test
    void resetForgetsTheIntegral() {
        Pid pid = new Pid(0, 1, 0, 0, 0, 100, 0);
        pid.update(10, 1);
        pid.reset();
        assertThat(pid.update(0, 1)).isZero();
    }
}
