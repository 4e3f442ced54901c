package io.racklet.sim.pi4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.board.SimBoard;
import io.racklet.sim.energy.Ina219Model;
import io.racklet.time.ManualScheduler;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimPi4jTest {
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private final SimRack rack = new SimRack(clock).addNode("node-1", BmcWiring.DEFAULT, 1);
    private final SimBoard board = (SimBoard) rack.board("node-1");
    private final Context ctx = SimPi4j.context(board);

    @AfterEach
    void shutdown() {
        ctx.shutdown();
    }

    private DigitalOutput enableLine() {
        return ctx.create(DigitalOutput.newConfigBuilder(ctx).id("enable").address(17).build());
    }

    private I2C i2c(int address) {
        return ctx.create(I2C.newConfigBuilder(ctx).id("i2c-" + address).bus(1).device(address).build());
    }

    @Test
    void digitalOutputSwitchesTheSimulatedNode() {
        DigitalOutput out = enableLine();

        out.high();
        assertThat(board.readLine(17)).isTrue();
        assertThat(rack.node("node-1").powered()).isTrue();

        out.low();
        assertThat(rack.node("node-1").powered()).isFalse();
    }

    @Test
    void outputStateReadsTheRealLine() {
        DigitalOutput out = enableLine();
        out.low();

        // someone else drives the line: state() must not answer from a cached value
        board.writeLine(17, true);
        assertThat(out.state()).isEqualTo(DigitalState.HIGH);
        assertThat(out.isHigh()).isTrue();

        board.writeLine(17, false);
        assertThat(out.state()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void creatingAndShuttingDownAnOutputWithoutInitialOrShutdownStateLeavesTheLineAlone() {
        board.writeLine(17, true);
        enableLine();
        assertThat(board.readLine(17)).isTrue();

        ctx.shutdown();
        assertThat(board.readLine(17)).isTrue();
        assertThat(rack.node("node-1").powered()).isTrue();
    }

    @Test
    void digitalInputReadsTheLine() {
        DigitalInput in = ctx.create(DigitalInput.newConfigBuilder(ctx).id("button").address(5).build());
        assertThat(in.state()).isEqualTo(DigitalState.LOW);
        board.writeLine(5, true);
        assertThat(in.state()).isEqualTo(DigitalState.HIGH);
    }

    @Test
    void i2cRegisterReadsAndWritesReachTheIna219Model() {
        I2C i2c = i2c(0x40);
        byte[] config = new byte[2];
        assertThat(i2c.readRegister(Ina219Model.CONFIG, config, 0, 2)).isEqualTo(2);
        assertThat(config).containsExactly(0x39, 0x9F);

        i2c.writeRegister(Ina219Model.CALIBRATION, new byte[] {0x10, 0x00}, 0, 2);

        byte[] cal = rack.monitor("node-1").transfer(new byte[] {Ina219Model.CALIBRATION}, 2);
        assertThat(cal).containsExactly(0x10, 0x00);
        byte[] readBack = new byte[2];
        i2c.readRegister(Ina219Model.CALIBRATION, readBack, 0, 2);
        assertThat(readBack).containsExactly(0x10, 0x00);
    }

    @Test
    void missingDeviceIsAPi4jIoException() {
        I2C absent = i2c(0x41);
        assertThatThrownBy(() -> absent.readRegister(Ina219Model.CONFIG, new byte[2], 0, 2))
                .isInstanceOf(com.pi4j.io.exception.IOException.class)
                .hasMessageContaining("no device acknowledged at 0x41");
        assertThatThrownBy(() -> absent.writeRegister(0, new byte[] {0, 0}, 0, 2))
                .isInstanceOf(com.pi4j.io.exception.IOException.class);
    }

    @Test
    void injectedBusFaultIsAPi4jIoException() {
        I2C i2c = i2c(0x40);
        rack.monitorFaults("node-1").failNext(1);
        assertThatThrownBy(() -> i2c.readRegister(0, new byte[2], 0, 2)).isInstanceOf(com.pi4j.io.exception.IOException.class);
        byte[] b = new byte[2];
        i2c.readRegister(0, b, 0, 2);
        assertThat(b).containsExactly(0x39, 0x9F);
    }

    @Test
    void pwmDutyCycleReachesTheBoard() {
        Pwm fan = ctx.create(Pwm.newConfigBuilder(ctx).id("fan").address(0).build());
        fan.on(40, 25_000);
        assertThat(board.pwmDuty(0)).isEqualTo(40.0);
        fan.off();
        assertThat(board.pwmDuty(0)).isZero();
    }
}
