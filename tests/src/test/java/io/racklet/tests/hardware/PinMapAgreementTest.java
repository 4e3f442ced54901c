package io.racklet.tests.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racklet.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The agents' default hardware configuration and the simulator's wiring agree with pcb/pinmap.yaml,
 * and a pin changed in only one place is caught with a message naming it.
 */
class PinMapAgreementTest {
    private static final Path PIN_MAP = HardwareSources.root().resolve("pcb/pinmap.yaml");

    @Test
    void agentDefaultsAndSimulatorWiringMatchThePinMap() {
        PinMap map = PinMap.load(PIN_MAP);

        assertThat(PinMapAgreement.disagreements(map)).isEmpty();
        assertThat(map.pin("node-enable").gpio()).isEqualTo(17);   // the map really is the one we think
        assertThat(map.pins()).hasSize(12);
    }

    @Test
    void anEnableLineMovedOnlyInThePinMapIsReported() throws Exception {
        String yaml = Files.readString(PIN_MAP).replace("{name: node-enable, pin: 11, gpio: 17,", "{name: node-enable, pin: 12, gpio: 18,");
        assertThat(yaml).contains("gpio: 18");

        assertThat(PinMapAgreement.disagreements(PinMap.parse("moved.yaml", yaml)))
                .contains("pin map 'node-enable' says GPIO 18, but bmc-agent PowerConfig default enableLine is 17",
                        "pin map 'node-enable' says GPIO 18, but BmcWiring.DEFAULT.enableLine is 17")
                .hasSize(2);
    }

    @Test
    void swappedFanTachAndChangedAddressesAreReported() throws Exception {
        String yaml = Files.readString(PIN_MAP)
                .replace("{name: fan-1-tach, pin: 31, gpio: 6,", "{name: fan-1-tach, pin: 29, gpio: 5,")
                .replace("{name: fan-2-tach, pin: 29, gpio: 5,", "{name: fan-2-tach, pin: 31, gpio: 6,")
                .replace("part: INA219, ref: U1, address: 0x40", "part: INA219, ref: U1, address: 0x41");

        assertThat(PinMapAgreement.disagreements(PinMap.parse("swapped.yaml", yaml))).containsExactlyInAnyOrder(
                "pin map 'fan-1-tach' says GPIO 5, but RmcWiring.DEFAULT.fans[0].tachLine is 6",
                "pin map 'fan-2-tach' says GPIO 6, but RmcWiring.DEFAULT.fans[1].tachLine is 5",
                "pin map 'node-power-monitor' says address 0x41, but bmc-agent MonitorConfig default address is 0x40",
                "pin map 'node-power-monitor' says address 0x41, but BmcWiring.DEFAULT.monitorAddress is 0x40");
    }

    @Test
    void aMisspelledFieldIsRejectedNamingTheEntry() throws Exception {
        String yaml = Files.readString(PIN_MAP).replace("{name: onewire, pin: 7, gpio: 4,", "{name: onewire, pin: 7, gipo: 4,");

        assertThatThrownBy(() -> PinMap.parse("typo.yaml", yaml)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("typo.yaml:").hasMessageContaining("field 'pins[11].gpio': missing");
    }
}
