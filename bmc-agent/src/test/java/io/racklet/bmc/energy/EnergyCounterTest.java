package io.racklet.bmc.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.racklet.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The persistent energy counter: never goes back, and a lost value is reported, not hidden. */
class EnergyCounterTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2024-01-02T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void withoutAFileItStartsAtZeroAndSaysWhyOnce() {
        EnergyCounter c = new EnergyCounter(dir, T0);
        assertThat(c.wattHours()).isZero();
        assertThat(c.epoch()).startsWith(T0.toString());
        assertThat(c.takeResetReason()).contains("no saved counter");
        assertThat(c.takeResetReason()).as("read once").isNull();
    }

    @Test
    void epochsOfTwoFreshCountersDiffer() {
        assertThat(new EnergyCounter(dir, T0).epoch()).isNotEqualTo(new EnergyCounter(dir, T0).epoch());
    }

    @Test
    void addIntegratesWattSeconds() {
        EnergyCounter c = new EnergyCounter(dir, T0);
        c.add(5, 3600);
        assertThat(c.wattHours()).isCloseTo(5, within(1e-12));
        c.add(2.5, 0.1); // one 10 Hz sample at 2.5 W
        assertThat(c.wattHours()).isCloseTo(5 + 0.25 / 3600, within(1e-12));
    }

    @Test
    void negativeOrZeroPowerOrTimeNeverLowersTheCounter() {
        EnergyCounter c = new EnergyCounter(dir, T0);
        c.add(1, 3600);
        c.add(-5, 10);
        c.add(5, -1);
        c.add(5, 0);
        assertThat(c.wattHours()).isCloseTo(1, within(1e-12));
    }

    @Test
    void savedCounterContinuesWithItsEpochAndNoResetReason() throws IOException {
        EnergyCounter c = new EnergyCounter(dir, T0);
        c.add(12, 1800);
        c.save();

        EnergyCounter restarted = new EnergyCounter(dir, T1);
        assertThat(restarted.wattHours()).isEqualTo(c.wattHours()).isCloseTo(6, within(1e-12));
        assertThat(restarted.epoch()).isEqualTo(c.epoch());
        assertThat(restarted.takeResetReason()).isNull();

        restarted.add(2, 3600);
        restarted.save();
        assertThat(new EnergyCounter(dir, T1).wattHours()).isCloseTo(8, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "garbage{",
        "",
        "{\"wattHours\": -1.5, \"epoch\": \"e\"}",
        "{\"wattHours\": 2.5}",
        "{\"wattHours\": 2.5, \"epoch\": \"\"}",
        "{\"epoch\": \"e\"}",
        "{\"wattHours\": \"NaN\", \"epoch\": \"e\"}",
        "[1, 2]"
    })
    void unreadableFileStartsANewEpochAndNamesTheFile(String content) throws IOException {
        Path file = dir.resolve("energy.json");
        Files.writeString(file, content);

        EnergyCounter c = new EnergyCounter(dir, T1);

        assertThat(c.wattHours()).isZero();
        assertThat(c.epoch()).startsWith(T1.toString()).isNotEqualTo("e");
        assertThat(c.takeResetReason()).contains(file.toString()).contains("unreadable");
    }

    @Test
    void saveIsAtomicAndLeavesOnlyTheCounterFile() throws IOException {
        EnergyCounter c = new EnergyCounter(dir, T0);
        for (int i = 0; i < 3; i++) {
            c.add(10, 360);
            c.save();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("energy.json");
        }
        var json = Json.json().readTree(Files.readString(dir.resolve("energy.json")));
        assertThat(json.path("wattHours").asDouble()).isCloseTo(3, within(1e-12));
        assertThat(json.path("epoch").asText()).isEqualTo(c.epoch());
    }

    @Test
    void saveIntoAnUnusableDirectoryThrows() throws IOException {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        EnergyCounter c = new EnergyCounter(notADir.resolve("state"), T0);
        assertThat(c.takeResetReason()).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(c::save).isInstanceOf(IOException.class);
    }
}
