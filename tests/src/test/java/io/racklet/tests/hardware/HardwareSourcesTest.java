package io.racklet.tests.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hardware sources build and pass their checks with the real tools: KiCad 6's pcbnew module
 * for the board, OpenSCAD and admesh for the enclosure. Outputs go under target/, a build product.
 */
class HardwareSourcesTest {
    private static final Path BUILD = HardwareSources.root().resolve("tests/target/hardware");

    @Test
    void pinMapAgreesWithTheSchematicAndTheRoutedBoard() throws Exception {
        HardwareSources.requireTools("py:pcbnew", "py:yaml");

        HardwareSources.Run r = HardwareSources.python("pcb/tools/check_pinmap.py");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("pin map OK: 12 signal pins, 12 power pins and 3 I2C devices");
    }

    @Test
    void aPinChangedInThePinMapButNotInTheSchematicFailsTheCheck(@TempDir Path dir) throws Exception {
        HardwareSources.requireTools("py:pcbnew", "py:yaml");
        String map = Files.readString(HardwareSources.root().resolve("pcb/pinmap.yaml"));

        // the enable line moved to the next header pin (GPIO 18) in the pin map only
        Path moved = dir.resolve("moved.yaml");
        Files.writeString(moved, map.replace("{name: node-enable, pin: 11, gpio: 17,", "{name: node-enable, pin: 12, gpio: 18,"));
        HardwareSources.Run r = HardwareSources.python("pcb/tools/check_pinmap.py", "--pinmap", moved.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("pin map 'node-enable' (header J1 pin 12, GPIO 18): the schematic connects it to "
                + "net (nothing), the pin map says NODE_EN")
                .contains("header J1 pin 11 (GPIO17) is net NODE_EN in the schematic, but the pin map does not name it");

        // the reset line claims the shutdown line's pin
        Path swapped = dir.resolve("swapped.yaml");
        Files.writeString(swapped, map.replace("{name: node-reset, pin: 13, gpio: 27,", "{name: node-reset, pin: 16, gpio: 23,"));
        r = HardwareSources.python("pcb/tools/check_pinmap.py", "--pinmap", swapped.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("pin map 'node-reset' (header J1 pin 16, GPIO 23): the schematic connects it to net (nothing)");

        // an I2C address the straps do not select
        Path address = dir.resolve("address.yaml");
        Files.writeString(address, map.replace("part: TMP102, ref: U2, address: 0x48", "part: TMP102, ref: U2, address: 0x49"));
        r = HardwareSources.python("pcb/tools/check_pinmap.py", "--pinmap", address.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("pin map i2c device 'node-thermometer': U2's straps select address 0x48, the pin map says 0x49");
    }

    @Test
    void fabricationSetIsWrittenAndTheBoardPassesItsChecks() throws Exception {
        HardwareSources.requireTools("py:pcbnew", "py:yaml");
        Path out = BUILD.resolve("fab");

        HardwareSources.Run r = HardwareSources.python("pcb/tools/fabricate.py", "--out", out.toString());

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("outline 65.00 x 56.50 mm", "4 M2.5 holes (2.75 mm), pattern 58.00 x 49.00 mm",
                "every pad connected (KiCad: 0 unconnected items)", "0 violations; 0 too close to the edge");
        assertThat(names(out)).contains("racklet-bmc-hat-F_Cu.gbr", "racklet-bmc-hat-B_Cu.gbr", "racklet-bmc-hat-F_Mask.gbr",
                "racklet-bmc-hat-Edge_Cuts.gbr", "racklet-bmc-hat-job.gbrjob", "racklet-bmc-hat-PTH.drl",
                "racklet-bmc-hat-NPTH.drl", "racklet-bmc-hat-bom.csv", "racklet-bmc-hat-pos.csv");
        List<String> bom = Files.readAllLines(out.resolve("racklet-bmc-hat-bom.csv"));
        assertThat(bom.get(0)).isEqualTo("References,Quantity,Value,Footprint,MPN");
        assertThat(bom).anyMatch(l -> l.startsWith("U1,1,INA219AIDR,SOIC-8_3.9x4.9mm_P1.27mm,INA219AIDR"))
                .anyMatch(l -> l.startsWith("R1,1,0.1,R_2512_6332Metric,"));
        assertThat(Files.readString(out.resolve("racklet-bmc-hat-NPTH.drl"))).contains("T1C2.750");
        assertThat(Files.readAllLines(out.resolve("racklet-bmc-hat-pos.csv"))).anyMatch(l -> l.startsWith("\"U2\""));
    }

    @Test
    void everyEnclosurePartRendersToAManifoldStlThatFitsTheBed() throws Exception {
        HardwareSources.requireTools("openscad", "admesh");
        Path out = BUILD.resolve("stl");

        HardwareSources.Run r = HardwareSources.python("enclosure-cad/render.py", "--out", out.toString());

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("8 pass every check")
                .containsPattern("tray-2u .* node standoffs 58.00 x 49.00 mm, bmc standoffs 58.00 x 49.00 mm");
        assertThat(names(out)).containsExactlyInAnyOrder("side-2u.stl", "side-3u.stl", "rail.stl", "tray-2u.stl", "tray-3u.stl",
                "fan-mount-80.stl", "fan-mount-92.stl", "backplane-holder.stl");
    }

    @Test
    void aTrayOffThePiHolePatternFailsTheRenderCheck(@TempDir Path dir) throws Exception {
        HardwareSources.requireTools("openscad", "admesh");

        HardwareSources.Run r = HardwareSources.python("enclosure-cad/render.py", "--out", dir.toString(),
                "--only", "tray-2u", "--define", "pi_hole_pattern=[58,50]");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("FAIL: tray-2u: node standoffs at").contains("not the Pi's 58.0 x 49.0 mm pattern");
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
