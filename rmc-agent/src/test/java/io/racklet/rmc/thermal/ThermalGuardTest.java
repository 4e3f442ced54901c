package io.racklet.rmc.thermal;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.protocol.message.PowerAction;
import io.racklet.protocol.resource.FanPolicyResource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThermalGuardTest {
    final List<String> events = new ArrayList<>();
    final List<String> commands = new ArrayList<>();
    final ThermalGuard guard = new ThermalGuard((k, m, c) -> events.add(k), (node, a) -> commands.add(node + " " + a));

    @Test
    void nothingHappensWithoutThresholds() {
        guard.nodeTemperature("n1", 99);
        assertThat(events).isEmpty();
        assertThat(commands).isEmpty();
    }

    @Test
    void warnThenGracefulShutdownThenPowerCutEachOnce() {
        guard.setThresholds(new FanPolicyResource.Thermal(70, 80, 90));
        guard.nodeTemperature("n1", 65);
        assertThat(events).isEmpty();
        guard.nodeTemperature("n1", 71);
        guard.nodeTemperature("n1", 72);
        assertThat(events).containsExactly("thermal.warn");
        guard.nodeTemperature("n1", 81);
        guard.nodeTemperature("n1", 82);
        assertThat(commands).containsExactly("n1 " + PowerAction.SHUTDOWN);
        guard.nodeTemperature("n1", 91);
        assertThat(commands).containsExactly("n1 " + PowerAction.SHUTDOWN, "n1 " + PowerAction.OFF);
        assertThat(events).containsExactly("thermal.warn", "thermal.critical", "thermal.shutdown");
    }

    @Test
    void nodesAreWatchedSeparatelyAndReArmAfterCooling() {
        guard.setThresholds(new FanPolicyResource.Thermal(70, 80, 90));
        guard.nodeTemperature("n1", 81);
        guard.nodeTemperature("n2", 60);
        assertThat(commands).containsExactly("n1 " + PowerAction.SHUTDOWN);
        guard.nodeTemperature("n1", 79); // not 2 C below the threshold yet
        guard.nodeTemperature("n1", 81);
        assertThat(commands).hasSize(1);
        guard.nodeTemperature("n1", 77);
        assertThat(events).contains("thermal.normal");
        guard.nodeTemperature("n1", 81);
        assertThat(commands).hasSize(2);
    }
}
