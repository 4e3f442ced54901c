package io.racklet.bmc.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.energy.Ina260Model;
import io.racklet.sim.board.RegisterFaults;
import io.racklet.sim.power.ComputeNode;
import io.racklet.sim.pi4j.SimPi4j;
import io.racklet.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The INA260 driver against the simulator's register model, through Pi4J as on a Pi. */
class Ina260Test {
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private final SimRack rack = new SimRack(clock)
            .addNode("node-1", BmcWiring.DEFAULT.withMonitor(BmcWiring.Monitor.INA260), 7);
    private final RegisterFaults faults = rack.monitorFaults("node-1");
    private final ComputeNode node = rack.node("node-1");
    private Context ctx;
    private Ina260 ina;

    @BeforeEach
    void driver() {
        ctx = SimPi4j.context(rack.board("node-1"));
        I2C i2c = ctx.create(I2C.newConfigBuilder(ctx).id("ina260").bus(1).device(0x40).build());
        ina = new Ina260(i2c);
    }

    @AfterEach
    void shutdown() {
        ctx.shutdown();
    }

    private int modelRegister(int reg) {
        byte[] b = rack.monitor("node-1").transfer(new byte[] {(byte) reg}, 2);
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    private void powerOnAndBoot() {
        rack.board("node-1").writeLine(17, true);
        clock.advance(Duration.ofSeconds(30));
    }

    @Test
    void configureChecksTheManufacturerIdAndResetsTheConfiguration() {
        rack.monitor("node-1").transfer(new byte[] {Ina260Model.CONFIG, 0x01, 0x27}, 0);
        ina.configure();
        assertThat(modelRegister(Ina260Model.CONFIG)).isEqualTo(0x6127);
    }

    @Test
    void wrongManufacturerIdIsRejectedAndNamed() {
        faults.stick(Ina260Model.MANUFACTURER_ID, 0x1234);
        rack.monitor("node-1").transfer(new byte[] {Ina260Model.CONFIG, 0x01, 0x27}, 0);

        assertThatThrownBy(ina::configure).isInstanceOf(ImplausibleReadingException.class)
                .hasMessageContaining("0x1234").hasMessageContaining("0x5449");
        assertThat(modelRegister(Ina260Model.CONFIG)).as("a foreign part is not written to").isEqualTo(0x0127);
    }

    @Test
    void poweredNodeReadsPlausibleFigures() {
        powerOnAndBoot();
        ina.configure();
        Reading r = ina.read();

        assertThat(r.volts()).isCloseTo(node.volts(), within(0.01)).isBetween(4.8, 5.2);
        assertThat(r.amps()).isCloseTo(node.amps(), within(0.01)).isBetween(0.4, 1.5);
        assertThat(r.watts()).isCloseTo(r.volts() * r.amps(), within(0.03 * r.volts() * r.amps()));
    }

    @Test
    void unpoweredNodeReadsNearZero() {
        Reading r = ina.read();
        assertThat(r.volts()).isCloseTo(0, within(0.01));
        assertThat(r.amps()).isCloseTo(0, within(0.01));
        assertThat(r.watts()).isCloseTo(0, within(0.02));
    }

    @Test
    void overflowFlagIsImplausible() {
        powerOnAndBoot();
        faults.stick(Ina260Model.MASK_ENABLE, 0x0004);
        assertThatThrownBy(ina::read).isInstanceOf(ImplausibleReadingException.class).hasMessageContaining("overflow");
    }

    @Test
    void garbageBusVoltageAboveThePartsRatingIsRejected() {
        powerOnAndBoot();
        faults.stick(Ina260Model.BUS, 0xFFFF); // 65535 * 1.25 mV = 81.9 V
        assertThatThrownBy(ina::read).isInstanceOf(ImplausibleReadingException.class)
                .hasMessageContaining("81.9").hasMessageContaining("36 V");
    }

    @Test
    void currentBeyondFifteenAmpsEitherWayIsRejected() {
        powerOnAndBoot();
        faults.stick(Ina260Model.CURRENT, 0x3000); // 12288 * 1.25 mA = 15.36 A
        assertThatThrownBy(ina::read).isInstanceOf(ImplausibleReadingException.class).hasMessageContaining("15.360 A");
        faults.stick(Ina260Model.CURRENT, 0xD000); // -15.36 A
        assertThatThrownBy(ina::read).isInstanceOf(ImplausibleReadingException.class).hasMessageContaining("-15.360 A");
    }

    @Test
    void reverseCurrentWithinRangeIsReadSigned() {
        powerOnAndBoot();
        faults.stick(Ina260Model.CURRENT, 0xFF38); // -200 LSB
        assertThat(ina.read().amps()).isCloseTo(-0.25, within(1e-9));
    }

    @Test
    void nacksSurfaceAsPi4jIoExceptionsAndTheNextReadWorks() {
        powerOnAndBoot();
        faults.failNext(1);
        assertThatThrownBy(ina::configure).isInstanceOf(com.pi4j.io.exception.IOException.class)
                .hasMessageContaining("did not acknowledge");
        ina.configure();

        faults.failNext(2);
        assertThatThrownBy(ina::read).isInstanceOf(com.pi4j.io.exception.IOException.class);
        assertThatThrownBy(ina::read).isInstanceOf(com.pi4j.io.exception.IOException.class);
        assertThat(ina.read().volts()).isBetween(4.8, 5.2);
    }
}
