package io.racklet.bmc.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import io.racklet.drivers.gpio.AdoptingSysfsOutputProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enable and reset lines through Pi4J's real sysfs provider, pointed at a fake /sys/class/gpio.
 * There is no kernel, so exported lines are pre-created as gpioN/{direction,value} files; what the
 * provider writes into them is what a Pi's kernel would get.
 */
class GpioLinesLinuxFsTest {
    private static final FileTime UNTOUCHED = FileTime.fromMillis(0);

    @TempDir
    Path sysfs;

    private Context ctx;

    @AfterEach
    void shutdown() {
        if (ctx != null) ctx.shutdown();
    }

    private Context context() {
        ctx = Pi4J.newContextBuilder().add(LinuxFsDigitalOutputProvider.newInstance(sysfs.toString())).build();
        return ctx;
    }

    /** An exported line as the kernel shows it, with timestamps that reveal any later write. */
    private Path exported(int gpio, String direction, String value) throws IOException {
        Path dir = Files.createDirectories(sysfs.resolve("gpio" + gpio));
        for (String[] f : new String[][] {{"direction", direction}, {"value", value}}) {
            Path p = Files.writeString(dir.resolve(f[0]), f[1] + "\n");
            Files.setLastModifiedTime(p, UNTOUCHED);
        }
        return dir;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).trim();
    }

    private static PowerConfig config(boolean activeHigh, int chipOffset) {
        return PowerFixtures.config(activeHigh, chipOffset, null, null);
    }

    @Test
    void chipOffsetIsAddedToTheLineNumber() throws IOException {
        Path gpio529 = exported(529, "out", "0");

        PowerSwitch rail = GpioLines.enable(context(), config(true, 512));
        rail.set(true);

        assertThat(read(gpio529.resolve("value"))).isEqualTo("1");
        assertThat(sysfs.resolve("gpio17")).doesNotExist();
    }

    @Test
    void anUnexportedLineIsExportedWithTheChipOffset() {
        // without a kernel nobody creates gpio529 after the export, so creation fails after writing it
        assertThatThrownBy(() -> GpioLines.enable(context(), config(true, 512)))
                .hasStackTraceContaining("gpio529/direction");
        assertThat(sysfs.resolve("export")).hasContent("529");
    }

    @Test
    void activeHighReadsAndWritesTheLevelAsIs() throws IOException {
        Path gpio17 = exported(17, "out", "1");
        PowerSwitch rail = GpioLines.enable(context(), config(true, 0));
        assertThat(rail.isOn()).isTrue();

        rail.set(false);
        assertThat(read(gpio17.resolve("value"))).isEqualTo("0");
        assertThat(rail.isOn()).isFalse();
    }

    @Test
    void activeLowWritesTheInvertedLevel() throws IOException {
        Path gpio17 = exported(17, "out", "1");
        PowerSwitch rail = GpioLines.enable(context(), config(false, 0));
        assertThat(rail.isOn()).as("high is off when active-low").isFalse();

        rail.set(true);
        assertThat(read(gpio17.resolve("value"))).isEqualTo("0");
        assertThat(rail.isOn()).isTrue();

        rail.set(false);
        assertThat(read(gpio17.resolve("value"))).isEqualTo("1");
    }

    @Test
    void isOnReadsTheValueFileEveryTime() throws IOException {
        Path gpio17 = exported(17, "out", "0");
        PowerSwitch rail = GpioLines.enable(context(), config(true, 0));
        assertThat(rail.isOn()).isFalse();

        Files.writeString(gpio17.resolve("value"), "1\n"); // changed outside the agent
        assertThat(rail.isOn()).isTrue();
    }

    @Test
    void creatingTheSwitchDoesNotWriteTheValueOfARunningNode() throws IOException {
        Path gpio529 = exported(529, "out", "1");

        PowerSwitch rail = GpioLines.enable(context(), config(true, 512));

        assertThat(read(gpio529.resolve("value"))).isEqualTo("1");
        assertThat(Files.getLastModifiedTime(gpio529.resolve("value"))).as("value file never written").isEqualTo(UNTOUCHED);
        assertThat(rail.isOn()).isTrue();
    }

    @Test
    void resetLineIsActiveLowWithTheChipOffset() throws IOException {
        Path gpio539 = exported(539, "out", "1");
        SignalLine reset = GpioLines.reset(context(), config(true, 512));
        assertThat(Files.getLastModifiedTime(gpio539.resolve("value"))).as("not pulsed at creation").isEqualTo(UNTOUCHED);

        reset.hold(true);
        assertThat(read(gpio539.resolve("value"))).isEqualTo("0");
        reset.hold(false);
        assertThat(read(gpio539.resolve("value"))).isEqualTo("1");
    }

    @Test
    void pi4jsOwnLinuxfsProviderRewritesTheDirectionWhichIsWhyTheAdoptingOneExists() throws IOException {
        // Pi4J 2.8's linuxfs writes "out" (the kernel drives low) whenever an output is created
        Path gpio17 = exported(17, "out", "1");
        GpioLines.enable(context(), config(true, 0));
        assertThat(Files.getLastModifiedTime(gpio17.resolve("direction"))).isNotEqualTo(UNTOUCHED);
    }

    @Test
    void onAPiTheAdoptingProviderServesTheNodesLinesAndLeavesARunningNodeAlone() throws IOException {
        Path gpio17 = exported(17, "out", "1");
        Files.writeString(sysfs.resolve("export"), "");
        // as on a Pi: linuxfs is the platform's default, Racklet's GPIO plugin adds the adopting provider
        ctx = Pi4J.newContextBuilder().add(LinuxFsDigitalOutputProvider.newInstance(sysfs.toString()))
                .add(new AdoptingSysfsOutputProvider(sysfs)).build();
        PowerSwitch rail = GpioLines.enable(ctx, config(true, 0));
        assertThat(Files.getLastModifiedTime(gpio17.resolve("direction"))).isEqualTo(UNTOUCHED);
        assertThat(read(gpio17.resolve("value"))).isEqualTo("1");
        assertThat(rail.isOn()).isTrue();
    }
}
