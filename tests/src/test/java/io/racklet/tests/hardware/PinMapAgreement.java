package io.racklet.tests.hardware;

import io.racklet.bmc.energy.MonitorConfig;
import io.racklet.bmc.power.PowerConfig;
import io.racklet.bmc.thermal.ThermometerConfig;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.RmcWiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares the pin map with what the software assumes when nobody configures it: the BMC agent's
 * defaults (PowerConfig, MonitorConfig, ThermometerConfig), and the simulator's wiring, which the
 * demo also writes into every agent's configuration (BmcWiring.DEFAULT, RmcWiring.DEFAULT).
 */
final class PinMapAgreement {
    private final PinMap map;
    private final List<String> disagreements = new ArrayList<>();

    private PinMapAgreement(PinMap map) {
        this.map = map;
    }

    /** One line per disagreement, naming the pin map entry, what it says and what the code says. */
    static List<String> disagreements(PinMap map) {
        PinMapAgreement a = new PinMapAgreement(map);
        a.checkBmc();
        a.checkRmc();
        return a.disagreements;
    }

    private void checkBmc() {
        PowerConfig power = PowerConfig.DEFAULTS;
        MonitorConfig monitor = MonitorConfig.DEFAULTS;
        ThermometerConfig thermometer = new ThermometerConfig(null, null, null);
        BmcWiring sim = BmcWiring.DEFAULT;

        PinMap.Pin enable = map.pin("node-enable");
        same("node-enable", "GPIO", enable.gpio(), "bmc-agent PowerConfig default enableLine", power.enableLine());
        same("node-enable", "GPIO", enable.gpio(), "BmcWiring.DEFAULT.enableLine", sim.enableLine());
        same("node-enable", "activeHigh", enable.activeHigh(), "bmc-agent PowerConfig default activeHigh", power.activeHigh());
        same("node-enable", "activeHigh", enable.activeHigh(), "BmcWiring.DEFAULT.enableActiveHigh", sim.enableActiveHigh());

        PinMap.Pin reset = map.pin("node-reset");
        same("node-reset", "GPIO", reset.gpio(), "BmcWiring.DEFAULT.resetLine", sim.resetLine());
        same("node-reset", "activeHigh", reset.activeHigh(), "bmc-agent PowerConfig default !resetActiveLow", !power.resetActiveLow());
        PinMap.Pin shutdown = map.pin("node-shutdown");
        same("node-shutdown", "GPIO", shutdown.gpio(), "BmcWiring.DEFAULT.shutdownLine", sim.shutdownLine());
        // the agent always drives the shutdown line active-low (the node's GPIO3 wakes and halts on low)
        same("node-shutdown", "activeHigh", shutdown.activeHigh(), "bmc-agent's shutdown line (active-low)", false);

        int bus = map.i2c().bus();
        same("i2c.bus", "bus", bus, "bmc-agent MonitorConfig default bus", monitor.bus());
        same("i2c.bus", "bus", bus, "bmc-agent ThermometerConfig default bus", thermometer.bus());
        same("i2c.bus", "bus", bus, "BmcWiring.DEFAULT.i2cBus", sim.i2cBus());

        PinMap.I2cDevice ina = map.device("node-power-monitor");
        same("node-power-monitor", "part", ina.part().toUpperCase(), "bmc-agent MonitorConfig default chip", monitor.chip().name());
        same("node-power-monitor", "part", ina.part().toUpperCase(), "BmcWiring.DEFAULT.monitor", sim.monitor().name());
        same("node-power-monitor", "address", hex(ina.address()), "bmc-agent MonitorConfig default address", hex(monitor.address()));
        same("node-power-monitor", "address", hex(ina.address()), "BmcWiring.DEFAULT.monitorAddress", hex(sim.monitorAddress()));
        same("node-power-monitor", "shuntOhms", ina.shuntOhms(), "bmc-agent MonitorConfig default shuntOhms", monitor.shuntOhms());
        same("node-power-monitor", "shuntOhms", ina.shuntOhms(), "BmcWiring.DEFAULT.shuntOhms", sim.shuntOhms());

        PinMap.I2cDevice tmp = map.device("node-thermometer");
        same("node-thermometer", "part", tmp.part().toUpperCase(), "bmc-agent ThermometerConfig default chip", thermometer.chip().name());
        same("node-thermometer", "address", hex(tmp.address()), "bmc-agent ThermometerConfig default address", hex(thermometer.address()));
        same("node-thermometer", "address", hex(tmp.address()), "BmcWiring.DEFAULT.thermometerAddress", hex(sim.thermometerAddress()));
    }

    private void checkRmc() {
        RmcWiring sim = RmcWiring.DEFAULT;
        int fans = (int) map.pins().stream().filter(p -> p.name().matches("fan-\\d+-pwm")).count();
        same("fans", "count", fans, "RmcWiring.DEFAULT.fans", sim.fans().size());
        for (int i = 0; i < Math.min(fans, sim.fans().size()); i++) {
            String fan = "fan-" + (i + 1);
            same(fan + "-pwm", "GPIO", map.pin(fan + "-pwm").gpio(), "RmcWiring.DEFAULT.fans[" + i + "].pwmChannel",
                    sim.fans().get(i).pwmChannel());
            same(fan + "-tach", "GPIO", map.pin(fan + "-tach").gpio(), "RmcWiring.DEFAULT.fans[" + i + "].tachLine",
                    sim.fans().get(i).tachLine());
        }
        same("i2c.bus", "bus", map.i2c().bus(), "RmcWiring.DEFAULT.i2cBus", sim.i2cBus());
        // on the RMC variant the board's TMP102 measures the hot air above the nodes
        same("node-thermometer", "address", hex(map.device("node-thermometer").address()), "RmcWiring.DEFAULT.tmp102Address",
                hex(sim.tmp102Address()));
        PinMap.I2cDevice exhaust = map.device("exhaust");
        same("exhaust", "part", exhaust.part().toUpperCase(), "the RMC's exhaust sensor", "TMP117");
        same("exhaust", "address", hex(exhaust.address()), "RmcWiring.DEFAULT.tmp117Address", hex(sim.tmp117Address()));
    }

    private void same(String entry, String field, Object pinMap, String where, Object code) {
        if (!Objects.equals(pinMap, code)) {
            disagreements.add("pin map '" + entry + "' says " + field + " " + pinMap + ", but " + where + " is " + code);
        }
    }

    private static String hex(int address) {
        return String.format("0x%02x", address);
    }
}
