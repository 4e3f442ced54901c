package io.racklet.tests.hardware;

import io.racklet.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * pcb/pinmap.yaml: which Raspberry Pi pin of the HAT does what, the single source of truth that
 * the schematic, the board, the agents' defaults and the simulator are checked against.
 */
record PinMap(String board, String header, List<Pin> pins, List<PowerPins> power, I2c i2c, List<OneWireDevice> onewire) {

    /** @param pin physical header pin; @param gpio BCM number, as the agents' configs use */
    record Pin(String name, int pin, int gpio, String net, Boolean activeHigh) {}

    record PowerPins(String net, List<Integer> pins) {}

    record I2c(int bus, List<I2cDevice> devices) {}

    /** An I2C part on the board (ref) or on a lead plugged into a connector. */
    record I2cDevice(String name, String part, String ref, String connector, int address, String shunt, Double shuntOhms) {}

    record OneWireDevice(String name, String part, String connector, String net) {}

    static PinMap load(Path file) {
        return ConfigLoader.load(file, PinMap.class);
    }

    static PinMap parse(String source, String yaml) {
        return ConfigLoader.parse(source, yaml, PinMap.class);
    }

    Pin pin(String name) {
        return pins.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the pin map names no pin '" + name + "'"));
    }

    I2cDevice device(String name) {
        return i2c.devices().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the pin map names no I2C device '" + name + "'"));
    }
}
