package io.racklet.drivers.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adopting sysfs provider on a fake /sys/class/gpio: what it writes to each file decides
 * whether a restarted BMC toggles the node it manages.
 */
class AdoptingSysfsOutputProviderTest {
    @TempDir
    Path sys;
    Context pi4j;

    @AfterEach
    void shutdown() {
        if (pi4j != null) pi4j.shutdown();
    }

    private Path line(int n, String direction, String value) throws Exception {
        Path dir = Files.createDirectories(sys.resolve("gpio" + n));
        Files.writeString(dir.resolve("direction"), direction);
        Files.writeString(dir.resolve("value"), value);
        Files.writeString(sys.resolve("export"), "");
        return dir;
    }

    private DigitalOutput output(int address) {
        pi4j = Pi4J.newContextBuilder().add(new AdoptingSysfsOutputProvider(sys)).build();
        return pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id("enable").address(address)
                .provider(AdoptingSysfsOutputProvider.ID).build());
    }

    @Test
    void aLineThatIsAlreadyAnOutputIsAdoptedUntouched() throws Exception {
        Path gpio = line(529, "out\n", "1\n");
        Files.setLastModifiedTime(gpio.resolve("direction"), java.nio.file.attribute.FileTime.fromMillis(1000));
        DigitalOutput out = output(529);
        assertThat(Files.readString(gpio.resolve("direction"))).isEqualTo("out\n");
        assertThat(Files.getLastModifiedTime(gpio.resolve("direction")).toMillis()).as("direction not rewritten").isEqualTo(1000);
        assertThat(Files.readString(gpio.resolve("value"))).isEqualTo("1\n");
        assertThat(out.state()).isEqualTo(DigitalState.HIGH);
    }

    @Test
    void anInputBecomesAnOutputAtTheLevelItReads() throws Exception {
        Path gpio = line(17, "in\n", "1\n");
        output(17);
        assertThat(Files.readString(gpio.resolve("direction"))).isEqualTo("high");
        Path low = line(18, "in\n", "0\n");
        output(18);
        assertThat(Files.readString(low.resolve("direction"))).isEqualTo("low");
    }

    @Test
    void anUnexportedLineIsExportedFirst() throws Exception {
        Files.writeString(sys.resolve("export"), "");
        try {
            output(22);
        } catch (RuntimeException expected) {
            // no kernel creates gpio22 here: what matters is what was asked of the kernel
        }
        assertThat(Files.readString(sys.resolve("export"))).isEqualTo("22");
    }

    @Test
    void writesAndReadsTheValueAndLeavesTheLineAtShutdown() throws Exception {
        Path gpio = line(17, "out\n", "0\n");
        DigitalOutput out = output(17);
        out.state(DigitalState.HIGH);
        assertThat(Files.readString(gpio.resolve("value"))).isEqualTo("1");
        Files.writeString(gpio.resolve("value"), "0\n"); // someone else drove it: state() reads the wire
        assertThat(out.state()).isEqualTo(DigitalState.LOW);
        out.state(DigitalState.HIGH);
        pi4j.shutdown();
        pi4j = null;
        assertThat(Files.readString(gpio.resolve("value"))).as("no shutdown level").isEqualTo("1");
        assertThat(Files.exists(sys.resolve("unexport"))).isFalse();
    }
}
