package io.racklet.sim.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.racklet.sim.board.SimIoException;
import io.racklet.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Ina219ModelTest {
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private double railVolts = 5.0;
    private double railAmps = 0.8;
    private final Ina219Model ina = new Ina219Model(clock, () -> railVolts, () -> railAmps, 0.1, 42);

    private void write(int reg, int value) {
        ina.transfer(new byte[] {(byte) reg, (byte) (value >> 8), (byte) value}, 0);
    }

    private int read(int reg) {
        byte[] b = ina.transfer(new byte[] {(byte) reg}, 2);
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    /** Lets the part finish a new conversion (a few ms of virtual time). */
    private void nextConversion() {
        clock.advance(Duration.ofMillis(5));
    }

    @Test
    void startsAtTheDatasheetResetValues() {
        assertThat(read(Ina219Model.CONFIG)).isEqualTo(0x399F);
        assertThat(read(Ina219Model.CALIBRATION)).isZero();
        assertThat(read(Ina219Model.CURRENT)).as("no calibration, no current").isZero();
        assertThat(read(Ina219Model.POWER)).isZero();
    }

    @Test
    void shuntRegisterHas10MicrovoltLsb() {
        // 0.8 A through 0.1 ohm = 80 mV = 8000 LSB, give or take the modelled noise
        assertThat((short) read(Ina219Model.SHUNT)).isBetween((short) 7990, (short) 8010);
    }

    @Test
    void currentRegisterFollowsTheDatasheetFormula() {
        write(Ina219Model.CALIBRATION, 10240);
        int shunt = (short) read(Ina219Model.SHUNT);
        int current = (short) read(Ina219Model.CURRENT);
        assertThat(current).isEqualTo(shunt * 10240 / 4096);
    }

    @Test
    void powerRegisterFollowsTheDatasheetFormula() {
        write(Ina219Model.CALIBRATION, 4096);
        int current = (short) read(Ina219Model.CURRENT);
        int bus = read(Ina219Model.BUS) >> 3;
        assertThat(read(Ina219Model.POWER)).isEqualTo(current * bus / 5000).isPositive();
    }

    @Test
    void negativeCurrentIsTwosComplement() {
        railAmps = -0.5;
        write(Ina219Model.CALIBRATION, 4096);
        assertThat((short) read(Ina219Model.SHUNT)).isBetween((short) -5010, (short) -4990);
        assertThat((short) read(Ina219Model.CURRENT)).isNegative();
    }

    @Test
    void calibrationBitZeroReadsAsZero() {
        write(Ina219Model.CALIBRATION, 4097);
        assertThat(read(Ina219Model.CALIBRATION)).isEqualTo(4096);
    }

    @Test
    void busRegisterHas4MillivoltLsbWithConversionReadyBit() {
        int bus = read(Ina219Model.BUS);
        assertThat((bus >> 3) * 0.004).isCloseTo(5.0, within(0.02));
        assertThat(bus & 0x2).as("CNVR").isEqualTo(0x2);
        assertThat(bus & 0x1).as("OVF").isZero();
    }

    @Test
    void registersHoldOneConversionUntilTheNextIsDue() {
        int before = read(Ina219Model.BUS);
        railVolts = 4.0;
        assertThat(read(Ina219Model.BUS)).as("same conversion").isEqualTo(before);
        nextConversion();
        assertThat((read(Ina219Model.BUS) >> 3) * 0.004).isCloseTo(4.0, within(0.02));
    }

    @Test
    void configWritesStickAndTheResetBitRestoresDefaultsAndClearsCalibration() {
        write(Ina219Model.CONFIG, 0x019F);
        write(Ina219Model.CALIBRATION, 4096);
        assertThat(read(Ina219Model.CONFIG)).isEqualTo(0x019F);

        write(Ina219Model.CONFIG, 0x8000);

        assertThat(read(Ina219Model.CONFIG)).isEqualTo(0x399F);
        assertThat(read(Ina219Model.CALIBRATION)).isZero();
        assertThat(read(Ina219Model.CURRENT)).isZero();
    }

    @Test
    void readOnlyRegistersIgnoreWrites() {
        int bus = read(Ina219Model.BUS);
        write(Ina219Model.BUS, 0x1234);
        assertThat(read(Ina219Model.BUS)).isEqualTo(bus);
    }

    @Test
    void readsStartAtTheLastWrittenPointer() {
        ina.transfer(new byte[] {(byte) Ina219Model.CONFIG}, 0);
        byte[] b = ina.transfer(new byte[0], 2);
        assertThat(((b[0] & 0xFF) << 8) | (b[1] & 0xFF)).isEqualTo(0x399F);
    }

    @Test
    void failNextInjectsExactlyThatManyNacks() {
        ina.failNext(2);
        assertThatThrownBy(() -> read(Ina219Model.CONFIG)).isInstanceOf(SimIoException.class).hasMessageContaining("acknowledge");
        assertThatThrownBy(() -> read(Ina219Model.CONFIG)).isInstanceOf(SimIoException.class);
        assertThat(read(Ina219Model.CONFIG)).isEqualTo(0x399F);
    }

    @Test
    void shuntClipsAtThePgaRangeAndSetsOverflow() {
        // reset configuration: PGA /8, 320 mV; 5 A through 0.1 ohm would be 500 mV
        railAmps = 5.0;
        assertThat((short) read(Ina219Model.SHUNT)).isEqualTo((short) 32000);
        assertThat(read(Ina219Model.BUS) & 0x1).as("OVF").isEqualTo(1);
    }

    @Test
    void smallerPgaRangeClipsSoonerFromTheNextConversion() {
        // PGA /1 (bits 12-11 = 00): 40 mV; 0.8 A makes 80 mV
        write(Ina219Model.CONFIG, 0x399F & ~0x1800);
        nextConversion();
        assertThat((short) read(Ina219Model.SHUNT)).isEqualTo((short) 4000);
        assertThat(read(Ina219Model.BUS) & 0x1).isEqualTo(1);

        railAmps = 0.3; // 30 mV fits
        nextConversion();
        assertThat((short) read(Ina219Model.SHUNT)).isBetween((short) 2990, (short) 3010);
        assertThat(read(Ina219Model.BUS) & 0x1).isZero();
    }
}
