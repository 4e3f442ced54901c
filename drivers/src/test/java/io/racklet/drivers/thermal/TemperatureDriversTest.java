package io.racklet.drivers.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import io.racklet.sim.board.SimBoard;
import io.racklet.sim.pi4j.SimPi4j;
import io.racklet.sim.thermal.Ds18b20Files;
import io.racklet.sim.thermal.Tmp102Model;
import io.racklet.sim.thermal.Tmp117Model;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temperature drivers against the simulator's register models and w1-therm files. */
class TemperatureDriversTest {
    final double[] celsius = {31.5};
    final SimBoard board = new SimBoard("rmc");
    final Tmp102Model tmp102 = new Tmp102Model(() -> celsius[0], 1);
    final Tmp117Model tmp117 = new Tmp117Model(() -> celsius[0], 2);
    final Context pi4j = SimPi4j.context(board);

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private I2C i2c(int address) {
        return pi4j.create(I2C.newConfigBuilder(pi4j).id("t" + address).bus(1).device(address).build());
    }

    @Test
    void tmp102ReadsTwelveBitTemperatures() {
        board.attach(1, 0x48, tmp102);
        Tmp102 t = new Tmp102(i2c(0x48));
        assertThat(t.celsius()).isCloseTo(31.5, within(0.3));
        celsius[0] = -10.25;
        assertThat(t.celsius()).as("two's complement below zero").isCloseTo(-10.25, within(0.3));
    }

    @Test
    void tmp117ChecksItsIdAndReadsFineSteps() {
        board.attach(1, 0x49, tmp117);
        Tmp117 t = new Tmp117(i2c(0x49));
        assertThat(t.celsius()).isCloseTo(31.5, within(0.05));
        tmp117.faults().stick(0x00, 0x8000); // -256 C: no such temperature
        assertThatThrownBy(t::celsius).hasMessageContaining("outside its -55..125 C range");
    }

    @Test
    void tmp117AtTheWrongAddressIsNamedAsSuch() {
        board.attach(1, 0x49, tmp117);
        tmp117.faults().stick(0x0F, 0x0102);
        assertThatThrownBy(() -> new Tmp117(i2c(0x49)).celsius()).hasMessageContaining("device ID reads 0x0102");
    }

    @Test
    void busErrorsReachTheCaller() {
        board.attach(1, 0x48, tmp102);
        tmp102.faults().failNext(1);
        Tmp102 t = new Tmp102(i2c(0x48));
        assertThatThrownBy(t::celsius).isInstanceOf(com.pi4j.io.exception.IOException.class);
        assertThat(t.celsius()).isCloseTo(31.5, within(0.3));
    }

    @Test
    void ds18b20ReadsW1ThermFilesAndRejectsBadOnes(@TempDir Path devices) throws Exception {
        Ds18b20Files files = new Ds18b20Files(devices, "0316a2794c2e", () -> celsius[0], 3);
        Ds18b20 t = new Ds18b20(devices, "0316a2794c2e");
        assertThatThrownBy(t::celsius).hasMessageContaining("unreadable");
        files.convert();
        assertThat(t.celsius()).isCloseTo(31.5, within(0.3));
        files.setBadCrc(true);
        files.convert();
        assertThatThrownBy(t::celsius).hasMessageContaining("CRC");
        files.setBadCrc(false);
        Files.writeString(files.file(), "50 05 4b 46 7f ff 0c 10 1c : crc=1c YES\n50 05 4b 46 7f ff 0c 10 1c t=85000\n");
        assertThatThrownBy(t::celsius).hasMessageContaining("85 C power-on value");
        files.setUnplugged(true);
        files.convert();
        assertThatThrownBy(t::celsius).hasMessageContaining("unplugged");
    }
}
