package io.racklet.tests.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.sim.BmcWiring;
import io.racklet.sim.RmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.board.SimBoard;
import io.racklet.sim.link.WorldServer;
import io.racklet.sim.pi4j.SimPlugin;
import io.racklet.time.SystemScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code racklet-bmc selftest} and {@code racklet-rmc selftest} from the packages' own jars and
 * default configuration files, in their own JVMs, against a simulated rack: the only addition is
 * the simulator on the class path and the two variables that point Pi4J at a simulated board.
 * All parts present, the selftest passes; a part taken off the board fails it, named.
 */
class SelftestOnSimulatorTest {
    @TempDir
    Path dir;
    SystemScheduler clock;
    SimRack world;
    WorldServer server;

    @BeforeEach
    void world() throws Exception {
        clock = new SystemScheduler("sim-world");
        world = new SimRack(clock, RmcWiring.DEFAULT, dir.resolve("w1"));
        world.addNode("node-1", BmcWiring.DEFAULT, 1);
        world.attachConsole("node-1", dir.resolve("node-1.tty"));
        world.startPhysics();
        server = WorldServer.start(dir.resolve("world.sock"), world::board);
    }

    @AfterEach
    void stop() {
        server.close();
        world.close();
        clock.close();
    }

    @Test
    void bmcSelftestPassesThenNamesTheMissingThermometerAndPowerMonitor() throws Exception {
        Path root = Packages.extract("racklet-bmc", dir);
        Path config = dir.resolve("bmc.yaml");
        // the packaged defaults, with the identity a user would add and the simulated console's device
        Files.writeString(config, "rack: sim\nnode: node-1\nmqtt: {url: \"tcp://127.0.0.1:1\"}\n"
                + Files.readString(root.resolve("etc/racklet/bmc.yaml"))
                        .replace("/dev/serial0", dir.resolve("node-1.tty").toString())
                        .replace("/var/lib/racklet/bmc", dir.resolve("state").toString()));

        Command pass = selftest(root, "racklet-bmc", "io.racklet.bmc.Main", "node-1", config);
        System.out.println(pass.output());
        assertThat(pass.exitCode()).as(pass.output()).isZero();
        assertThat(pass.output()).contains("racklet-bmc selftest: rack sim, node node-1", "selftest passed")
                .containsPattern("pass +INA219 i2c-1 0x40 +answers with its ID +configuration 0x[0-9a-f]{4}, calibration")
                .containsPattern("pass +INA219 i2c-1 0x40 +measures the node's rail")
                .containsPattern("pass +TMP102 i2c-1 0x48 +answers with its ID")
                .containsPattern("pass +enable GPIO17 \\(header pin 11\\) +writable +node power off")
                .containsPattern("pass +reset GPIO27 \\(header pin 13\\) +writable")
                .containsPattern("pass +shutdown GPIO22 \\(header pin 15\\) +writable")
                .containsPattern("pass +console .*node-1.tty +UART opens +opened at 115200 8N1");
        // the selftest left the node as it found it
        assertThat(world.node("node-1").powered()).isFalse();

        SimBoard board = (SimBoard) world.board("node-1");
        board.detach(1, 0x48);
        Command thermometerGone = selftest(root, "racklet-bmc", "io.racklet.bmc.Main", "node-1", config);
        System.out.println(thermometerGone.output());
        assertThat(thermometerGone.exitCode()).isEqualTo(1);
        assertThat(thermometerGone.output()).contains("selftest FAILED: 1 of")
                .containsPattern("FAIL +TMP102 i2c-1 0x48 +answers with its ID +I2C bus 1: no device acknowledged at 0x48")
                .contains("-> check on the board: the TMP102 beside the node: SDA1 (header pin 3), SCL1 (header pin 5)")
                .containsPattern("pass +INA219 i2c-1 0x40 +answers with its ID");

        board.detach(1, 0x40);
        Command monitorGone = selftest(root, "racklet-bmc", "io.racklet.bmc.Main", "node-1", config);
        assertThat(monitorGone.exitCode()).isEqualTo(1);
        assertThat(monitorGone.output()).containsPattern("FAIL +INA219 i2c-1 0x40 +answers with its ID +I2C bus 1: no device acknowledged at 0x40")
                .contains("the shunt (0.1 ohm) in the node's 5 V line");
    }

    @Test
    void rmcSelftestPassesThenNamesASeizedFanAndAMissingSensor() throws Exception {
        Path root = Packages.extract("racklet-rmc", dir);
        Path config = dir.resolve("rmc.yaml");
        Files.writeString(config, "rack: sim\nmqtt: {url: \"tcp://127.0.0.1:1\"}\n"
                + Files.readString(root.resolve("etc/racklet/rmc.yaml"))
                        .replace("#- {name: intake, chip: ds18b20, serial: \"xxxxxxxxxxxx\", zone: false}",
                                "- {name: intake, chip: ds18b20, serial: \"" + RmcWiring.DEFAULT.ds18b20Serial() + "\", path: \""
                                        + dir.resolve("w1") + "\", zone: false}")
                        .replace("/var/lib/racklet/rmc", dir.resolve("state").toString()));

        Command pass = selftest(root, "racklet-rmc", "io.racklet.rmc.Main", "rmc", config);
        System.out.println(pass.output());
        assertThat(pass.exitCode()).as(pass.output()).isZero();
        assertThat(pass.output()).contains("selftest passed")
                .containsPattern("pass +TMP102 hot-air i2c-1 0x48 +answers with its ID +configuration 0x60a0")
                .containsPattern("pass +TMP117 exhaust i2c-1 0x49 +answers with its ID +device ID 0x0117")
                .containsPattern("pass +DS18B20 intake 28-0316a2794c2e +reads a plausible temperature")
                .containsPattern("pass +fan fan-1 PWM GPIO12 tach GPIO6 +spins and reports tach +\\d+ rpm at 100 % duty")
                .containsPattern("pass +fan fan-2 PWM GPIO13 tach GPIO5 +spins and reports tach +\\d+ rpm at 100 % duty");

        world.fans().get(1).seize();
        ((SimBoard) world.board("rmc")).detach(1, 0x49);
        Command fail = selftest(root, "racklet-rmc", "io.racklet.rmc.Main", "rmc", config);
        System.out.println(fail.output());
        assertThat(fail.exitCode()).isEqualTo(1);
        assertThat(fail.output()).contains("selftest FAILED: 2 of")
                .containsPattern("FAIL +TMP117 exhaust i2c-1 0x49 +answers with its ID +I2C bus 1: no device acknowledged at 0x49")
                .containsPattern("FAIL +fan fan-2 PWM GPIO13 tach GPIO5 +spins and reports tach +tach reads 0 rpm")
                .contains("its tach wire to GPIO5 (header pin 29)")
                .containsPattern("pass +fan fan-1 PWM GPIO12 tach GPIO6 +spins and reports tach");
    }

    private Command selftest(Path root, String pkg, String main, String board, Path config) throws Exception {
        return Command.run(Packages.java(root, pkg, main, Packages.simulatorClassPath(), "selftest", "--config", config.toString()),
                Map.of(SimPlugin.WORLD_ENV, server.socket().toString(), SimPlugin.BOARD_ENV, board), 120);
    }
}
