package io.racklet.sim.energy;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The INA260 register model against the datasheet's register formats (SBOS656C). */
class Ina260ModelTest {
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private double railVolts = 5.0;
    private double railAmps = 0.8;
    private final Ina260Model ina = new Ina260Model(clock, () -> railVolts, () -> railAmps, 42);

    private void write(int reg, int value) {
        ina.transfer(new byte[] {(byte) reg, (byte) (value >> 8), (byte) value}, 0);
    }

    private int read(int reg) {
        byte[] b = ina.transfer(new byte[] {(byte) reg}, 2);
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    /** Lets the part finish a new conversion (2.2 ms in the model). */
    private void nextConversion() {
        clock.advance(Duration.ofMillis(5));
    }

    @Test
    void currentHas1_25MilliampLsb() {
        // 0.8 A / 1.25 mA = 640 LSB; the model adds about one LSB of noise
        assertThat((short) read(Ina260Model.CURRENT)).isBetween((short) 636, (short) 644);
    }

    @Test
    void negativeCurrentIsTwosComplement() {
        railAmps = -0.5;
        int raw = read(Ina260Model.CURRENT);
        assertThat(raw).as("sign bit set").isGreaterThanOrEqualTo(0x8000);
        assertThat((short) raw).isBetween((short) -404, (short) -396);
    }

    @Test
    void busVoltageHas1_25MillivoltLsb() {
        // 5.0 V / 1.25 mV = 4000 LSB
        assertThat(read(Ina260Model.BUS)).isBetween(3996, 4004);
    }

    @Test
    void powerHas10MilliwattLsbFromTheSameConversion() {
        int current = (short) read(Ina260Model.CURRENT);
        int bus = read(Ina260Model.BUS);
        int power = read(Ina260Model.POWER);
        assertThat(power).isEqualTo((int) Math.round(Math.abs(current * 0.00125) * bus * 0.00125 / 0.010));
        assertThat(power * 0.010).isCloseTo(4.0, org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void powerIsUnsignedEvenForReverseCurrent() {
        railAmps = -0.8;
        assertThat(read(Ina260Model.POWER)).isBetween(395, 405);
    }

    @Test
    void identificationRegisters() {
        assertThat(read(Ina260Model.MANUFACTURER_ID)).isEqualTo(0x5449); // "TI"
        assertThat(read(Ina260Model.DIE_ID)).isEqualTo(0x2270);
    }

    @Test
    void configStartsAtResetValueKeepsWritesAndTheResetBitRestoresIt() {
        assertThat(read(Ina260Model.CONFIG)).isEqualTo(0x6127);
        write(Ina260Model.CONFIG, 0x0127);
        assertThat(read(Ina260Model.CONFIG)).isEqualTo(0x0127);
        write(Ina260Model.CONFIG, 0x8000);
        assertThat(read(Ina260Model.CONFIG)).isEqualTo(0x6127);
    }

    @Test
    void registersHoldOneConversionUntilTheNextIsDue() {
        int before = read(Ina260Model.CURRENT);
        railAmps = 1.6;
        assertThat(read(Ina260Model.CURRENT)).as("same conversion").isEqualTo(before);

        nextConversion();
        assertThat((short) read(Ina260Model.CURRENT)).isBetween((short) 1276, (short) 1284);
    }

    @Test
    void currentBeyondTheRegisterClipsAndSetsTheOverflowFlag() {
        assertThat(read(Ina260Model.MASK_ENABLE)).isZero();
        railAmps = 50; // 40000 LSB does not fit in a signed 16-bit register
        nextConversion();
        assertThat(read(Ina260Model.CURRENT)).isEqualTo(0x7FFF);
        assertThat(read(Ina260Model.MASK_ENABLE)).isEqualTo(0x0004);

        railAmps = 0.8;
        nextConversion();
        assertThat(read(Ina260Model.MASK_ENABLE)).as("flag clears with the next good conversion").isZero();
    }

    @Test
    void unpoweredRailReadsZeroVolts() {
        railVolts = 0;
        railAmps = 0;
        assertThat(read(Ina260Model.BUS)).isBetween(0, 4);
        assertThat((short) read(Ina260Model.CURRENT)).isBetween((short) -4, (short) 4);
    }
}
