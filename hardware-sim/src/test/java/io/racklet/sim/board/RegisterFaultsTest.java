package io.racklet.sim.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racklet.sim.energy.Ina260Model;
import io.racklet.time.ManualScheduler;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Fault injection as tests use it, seen through a register model's bus transactions. */
class RegisterFaultsTest {
    private final Ina260Model ina = new Ina260Model(new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z")),
            () -> 5.0, () -> 0.8, 1);
    private final RegisterFaults faults = ina.faults();

    private int read(int reg) {
        byte[] b = ina.transfer(new byte[] {(byte) reg}, 2);
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    @Test
    void failNextNacksExactlyThatManyTransactions() {
        faults.failNext(3);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> read(Ina260Model.MANUFACTURER_ID)).isInstanceOf(SimIoException.class)
                    .hasMessageContaining("INA260 did not acknowledge");
        }
        assertThat(read(Ina260Model.MANUFACTURER_ID)).isEqualTo(0x5449);
    }

    @Test
    void writesAreNackedToo() {
        faults.failNext(1);
        assertThatThrownBy(() -> ina.transfer(new byte[] {0x00, 0x01, 0x27}, 0)).isInstanceOf(SimIoException.class);
        assertThat(read(Ina260Model.CONFIG)).as("the NACKed write did not land").isEqualTo(0x6127);
    }

    @Test
    void failAlwaysLastsUntilCleared() {
        faults.failAlways();
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> read(Ina260Model.BUS)).isInstanceOf(SimIoException.class);
        }
        faults.clear();
        assertThat(read(Ina260Model.MANUFACTURER_ID)).isEqualTo(0x5449);
    }

    @Test
    void stuckRegisterReadsItsValueUntilClearedAndOthersAreUnaffected() {
        int realBus = read(Ina260Model.BUS);
        faults.stick(Ina260Model.BUS, 0xFFFF);
        assertThat(read(Ina260Model.BUS)).isEqualTo(0xFFFF);
        assertThat(read(Ina260Model.MANUFACTURER_ID)).isEqualTo(0x5449);

        faults.clear();
        assertThat(read(Ina260Model.BUS)).isEqualTo(realBus);
    }

    @Test
    void stuckValuesAreSixteenBits() {
        faults.stick(Ina260Model.MANUFACTURER_ID, 0x12345);
        assertThat(read(Ina260Model.MANUFACTURER_ID)).isEqualTo(0x2345);
    }

    @Test
    void stuckRegisterSurvivesWrites() {
        faults.stick(Ina260Model.CONFIG, 0x0000);
        ina.transfer(new byte[] {0x00, 0x61, 0x27}, 0);
        assertThat(read(Ina260Model.CONFIG)).isZero();
    }
}
