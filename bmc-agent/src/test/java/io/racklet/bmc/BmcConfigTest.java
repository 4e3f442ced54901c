package io.racklet.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racklet.bmc.power.RestorePolicy;
import io.racklet.config.ConfigException;
import io.racklet.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BMC's configuration file as ConfigLoader binds it. */
class BmcConfigTest {
    private static final String MINIMAL = """
            rack: demo
            node: node-1
            mqtt:
              url: tcp://127.0.0.1:1883
            """;

    @TempDir
    Path dir;

    private static BmcConfig parse(String yaml) {
        return ConfigLoader.parse("bmc.yaml", yaml, BmcConfig.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(String yaml) {
        return assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessageStartingWith("bmc.yaml");
    }

    @Test
    void minimalFileGetsTheDocumentedDefaults() {
        BmcConfig c = parse(MINIMAL);

        assertThat(c.power().enableLine()).isEqualTo(17);
        assertThat(c.power().activeHigh()).isTrue();
        assertThat(c.power().chipOffset()).isZero();
        assertThat(c.power().cycleOffTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.power().restorePolicy()).isEqualTo(RestorePolicy.LAST_STATE);
        assertThat(c.telemetryInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.monitor().bus()).isEqualTo(1);
        assertThat(c.monitor().address()).isEqualTo(0x40);
        assertThat(c.monitor().shuntOhms()).isEqualTo(0.1);
        assertThat(c.mqtt().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.stateDir()).isEqualTo(Path.of("/var/lib/racklet/bmc"));
    }

    @Test
    void partialSectionsKeepDefaultsForWhatTheyLeaveOut() {
        BmcConfig c = parse(MINIMAL + """
                power:
                  activeHigh: false
                  restorePolicy: always-on
                  cycleOffTime: 2500ms
                telemetryInterval: 250ms
                """);
        assertThat(c.power().activeHigh()).isFalse();
        assertThat(c.power().restorePolicy()).isEqualTo(RestorePolicy.ALWAYS_ON);
        assertThat(c.power().cycleOffTime()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.power().enableLine()).isEqualTo(17);
        assertThat(c.telemetryInterval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void hexI2cAddressIsAccepted() {
        assertThat(parse(MINIMAL + "monitor:\n  address: 0x41\n").monitor().address()).isEqualTo(0x41);
        assertThat(parse(MINIMAL + "monitor:\n  address: 0x40\n").monitor().address()).isEqualTo(64);
        assertThat(parse(MINIMAL + "monitor:\n  address: 65\n").monitor().address()).isEqualTo(0x41);
    }

    @Test
    void loadsFromAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("bmc.yaml"), MINIMAL + "stateDir: " + dir + "\n");
        BmcConfig c = ConfigLoader.load(file, BmcConfig.class);
        assertThat(c.stateDir()).isEqualTo(dir);
        assertThat(c.node()).isEqualTo("node-1");
    }

    @Test
    void invalidNodeNameNamesFieldAndValue() {
        rejects(MINIMAL.replace("node: node-1", "node: Compute_1"))
                .hasMessageContaining("field 'node'")
                .hasMessageContaining("'Compute_1' is not a valid name");
    }

    @Test
    void missingNodeIsNamed() {
        rejects(MINIMAL.replace("node: node-1\n", "")).hasMessageContaining("field 'node'").hasMessageContaining("missing");
    }

    @Test
    void reservedNodeNamesAreRefused() {
        rejects(MINIMAL.replace("node: node-1", "node: rmc")).hasMessageContaining("'rmc' is reserved").hasMessageContaining("node");
        rejects(MINIMAL.replace("node: node-1", "node: controller")).hasMessageContaining("'controller' is reserved");
    }

    @Test
    void missingMqttIsNamed() {
        rejects("rack: demo\nnode: node-1\n").hasMessageContaining("field 'mqtt'").hasMessageContaining("missing");
    }

    @Test
    void badBrokerUrlIsExplained() {
        rejects(MINIMAL.replace("tcp://127.0.0.1:1883", "127.0.0.1:1883"))
                .hasMessageContaining("'127.0.0.1:1883' is not a broker URL");
    }

    @Test
    void badRestorePolicyListsTheValidOnes() {
        rejects(MINIMAL + "power:\n  restorePolicy: sometimes\n")
                .hasMessageContaining("field 'power.restorePolicy'")
                .hasMessageContaining("'sometimes' is not a valid value (one of always-off, always-on, last-state)");
    }

    @Test
    void outOfRangeValuesNameTheirField() {
        rejects(MINIMAL + "monitor:\n  address: 0x78\n").hasMessageContaining("monitor.address");
        rejects(MINIMAL + "power:\n  enableLine: 60\n").hasMessageContaining("power.enableLine");
        rejects(MINIMAL + "telemetryInterval: 5ms\n").hasMessageContaining("telemetryInterval");
    }

    @Test
    void misspelledFieldIsUnknownAndTheRightOneIsSuggested() {
        rejects(MINIMAL + "power:\n  enableLin: 17\n")
                .hasMessageContaining("field 'power.enableLin'")
                .hasMessageContaining("unknown field")
                .hasMessageContaining("enableLine");
    }
}
