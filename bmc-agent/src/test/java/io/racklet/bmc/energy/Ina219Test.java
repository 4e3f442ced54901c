package io.racklet.bmc.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.board.SimBoard;
import io.racklet.sim.energy.Ina219Model;
import io.racklet.sim.pi4j.SimPi4j;
import io.racklet.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The INA219 driver against the register model, through Pi4J as on a Pi; and against Pi4J's mock. */
class Ina219Test {
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private final SimRack rack = new SimRack(clock).addNode("node-1", BmcWiring.DEFAULT, 7);
    private Context ctx;

    @AfterEach
    void shutdown() {
        if (ctx != null) ctx.shutdown();
    }

    private Ina219 driverOn(SimBoard board) {
        ctx = SimPi4j.context(board);
        I2C i2c = ctx.create(I2C.newConfigBuilder(ctx).id("ina219").bus(1).device(0x40).build());
        return new Ina219(i2c, 0.1, 3.2);
    }

    private Ina219 driver() {
        return driverOn((SimBoard) rack.board("node-1"));
    }

    private int modelRegister(Ina219Model model, int reg) {
        byte[] b = model.transfer(new byte[] {(byte) reg}, 2);
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    private void writeModel(Ina219Model model, int reg, int value) {
        model.transfer(new byte[] {(byte) reg, (byte) (value >> 8), (byte) value}, 0);
    }

    private void powerOnAndBoot() {
        rack.board("node-1").writeLine(17, true);
        clock.advance(Duration.ofSeconds(30));
    }

    @Test
    void calibrationFollowsTheDatasheetFormula() {
        Ina219 ina = driver();
        double currentLsb = 3.2 / 32768;
        assertThat(ina.currentLsb()).isEqualTo(currentLsb);
        assertThat(ina.calibration()).isEqualTo((int) (0.04096 / (currentLsb * 0.1)) & 0xFFFE).isEqualTo(4194);
    }

    @Test
    void calibrationOutsideTheRegisterRangeIsRejected() {
        ctx = SimPi4j.context(rack.board("node-1"));
        I2C i2c = ctx.create(I2C.newConfigBuilder(ctx).id("ina219").bus(1).device(0x40).build());
        assertThatThrownBy(() -> new Ina219(i2c, 0.0001, 0.001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calibration");
    }

    @Test
    void configureWritesConfigurationAndCalibration() {
        Ina219Model model = (Ina219Model) rack.monitor("node-1");
        writeModel(model, Ina219Model.CONFIG, 0x019F); // something else than the driver's choice

        Ina219 ina = driver();
        ina.configure();

        assertThat(modelRegister(model, Ina219Model.CONFIG)).isEqualTo(0x399F);
        assertThat(modelRegister(model, Ina219Model.CALIBRATION)).isEqualTo(ina.calibration());
    }

    @Test
    void poweredNodeReadsPlausibleFigures() {
        powerOnAndBoot();
        Ina219 ina = driver();
        ina.configure();

        Reading r = ina.read();

        assertThat(r.volts()).isCloseTo(rack.node("node-1").volts(), within(0.02)).isBetween(4.8, 5.2);
        assertThat(r.amps()).isBetween(0.4, 1.5).isCloseTo(rack.node("node-1").amps(), within(0.01));
        assertThat(r.watts()).isCloseTo(r.volts() * r.amps(), within(r.volts() * r.amps() * 0.03));
    }

    @Test
    void loadShowsInTheReading() {
        powerOnAndBoot();
        Ina219 ina = driver();
        ina.configure();
        double idle = ina.read().watts();

        rack.node("node-1").setLoad(1);
        clock.advance(Duration.ofMillis(5)); // next conversion

        assertThat(ina.read().watts()).isGreaterThan(idle + 2);
    }

    @Test
    void unpoweredNodeReadsAboutZero() {
        Ina219 ina = driver();
        ina.configure();
        Reading r = ina.read();
        assertThat(r.watts()).isCloseTo(0, within(0.01));
        assertThat(r.amps()).isCloseTo(0, within(0.005));
        assertThat(r.volts()).isLessThan(0.05);
    }

    @Test
    void lostCalibrationIsRestoredOnTheNextRead() {
        powerOnAndBoot();
        Ina219 ina = driver();
        ina.configure();
        Ina219Model model = (Ina219Model) rack.monitor("node-1");

        writeModel(model, Ina219Model.CONFIG, 0x8000); // a brown-out resets the part
        assertThat(modelRegister(model, Ina219Model.CALIBRATION)).isZero();

        Reading r = ina.read();

        assertThat(modelRegister(model, Ina219Model.CALIBRATION)).isEqualTo(ina.calibration());
        assertThat(r.amps()).as("current read with the restored calibration").isBetween(0.4, 1.5);
    }

    @Test
    void readWithoutConfigureCalibratesFirst() {
        powerOnAndBoot();
        Reading r = driver().read();
        assertThat(r.amps()).isBetween(0.4, 1.5);
    }

    @Test
    void overflowFlagIsAnImplausibleReading() {
        // 5 A through 0.1 ohm is beyond the 320 mV shunt range: the part sets OVF
        SimBoard board = new SimBoard("bench");
        board.attach(1, 0x40, new Ina219Model(clock, () -> 5.0, () -> 5.0, 0.1, 1));
        Ina219 ina = driverOn(board);
        ina.configure();

        assertThatThrownBy(ina::read).isInstanceOf(ImplausibleReadingException.class).hasMessageContaining("overflow");
    }

    @Test
    void busErrorIsAPi4jIoException() {
        Ina219 ina = driver();
        ina.configure();
        rack.monitorFaults("node-1").failNext(1);
        assertThatThrownBy(ina::read).isInstanceOf(com.pi4j.io.exception.IOException.class);
        assertThat(ina.read()).isNotNull();
    }

    /** Pi4J's mock I2C hands out preloaded register bytes in order, so any value can be faked. */
    private I2C mockI2c() {
        ctx = Pi4J.newContextBuilder().add(MockI2CProvider.newInstance()).build();
        return ctx.create(I2C.newConfigBuilder(ctx).id("mock-ina219").bus(1).device(0x40).build());
    }

    private static void preload(I2C i2c, int register, int value) {
        i2c.writeRegister(register, new byte[] {(byte) (value >> 8), (byte) value}, 0, 2);
    }

    @Test
    void garbageBusVoltageIsAnImplausibleReading() {
        I2C i2c = mockI2c();
        Ina219 ina = new Ina219(i2c, 0.1, 3.2);
        preload(i2c, Ina219Model.CALIBRATION, ina.calibration()); // calibrated: read() goes straight on
        preload(i2c, Ina219Model.BUS, 0xFFF8);                    // 8191 * 4 mV = 32.76 V, no OVF
        preload(i2c, Ina219Model.CURRENT, 0);
        preload(i2c, Ina219Model.POWER, 0);
        preload(i2c, Ina219Model.SHUNT, 0);

        assertThatThrownBy(ina::read).isInstanceOf(ImplausibleReadingException.class).hasMessageContaining("32.7");
    }

    @Test
    void garbageShuntVoltageIsAnImplausibleReading() {
        I2C i2c = mockI2c();
        Ina219 ina = new Ina219(i2c, 0.1, 3.2);
        preload(i2c, Ina219Model.CALIBRATION, ina.calibration());
        preload(i2c, Ina219Model.BUS, (1250 << 3) | 0x2);          // 5 V
        preload(i2c, Ina219Model.CURRENT, 0x7FFF);
        preload(i2c, Ina219Model.POWER, 100);
        preload(i2c, Ina219Model.SHUNT, 0x7FFF);                  // 327.67 mV, beyond the 320 mV range

        assertThatThrownBy(ina::read).isInstanceOf(ImplausibleReadingException.class).hasMessageContaining("shunt range");
    }

    @Test
    void shortReadIsAPi4jIoException() {
        Ina219 ina = new Ina219(mockI2c(), 0.1, 3.2); // nothing preloaded: the bus returns no bytes
        assertThatThrownBy(ina::read).isInstanceOf(com.pi4j.io.exception.IOException.class).hasMessageContaining("short read");
    }
}
