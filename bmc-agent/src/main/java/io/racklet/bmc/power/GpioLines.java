package io.racklet.bmc.power;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.IOType;
import io.racklet.drivers.gpio.AdoptingSysfsOutputProvider;

/**
 * The node's enable and reset lines through Pi4J. Outputs are created with no initial and no
 * shutdown state, so neither starting nor stopping the agent ever changes a line.
 */
public final class GpioLines {
    private GpioLines() {}

    public static PowerSwitch enable(Context pi4j, PowerConfig config) {
        DigitalState onLevel = config.activeHigh() ? DigitalState.HIGH : DigitalState.LOW;
        DigitalOutput line = output(pi4j, "node-enable", config.chipOffset() + config.enableLine(), onLevel);
        return new PowerSwitch() {
            @Override
            public boolean isOn() {
                return line.state() == onLevel;
            }

            @Override
            public void set(boolean on) {
                line.state(on ? onLevel : DigitalState.getInverseState(onLevel));
            }
        };
    }

    /** The node's reset input, active-low or -high as configured. */
    public static SignalLine reset(Context pi4j, PowerConfig config) {
        return signal(pi4j, "node-reset", config.chipOffset() + config.resetLine(), config.resetActiveLow());
    }

    /** The node's shutdown input (its GPIO3 with the gpio-shutdown overlay): active-low. */
    public static SignalLine shutdown(Context pi4j, PowerConfig config) {
        return signal(pi4j, "node-shutdown", config.chipOffset() + config.shutdownLine(), true);
    }

    private static SignalLine signal(Context pi4j, String id, int address, boolean activeLow) {
        DigitalState asserted = activeLow ? DigitalState.LOW : DigitalState.HIGH;
        DigitalOutput line = output(pi4j, id, address, asserted);
        return hold -> line.state(hold ? asserted : DigitalState.getInverseState(asserted));
    }

    private static DigitalOutput output(Context pi4j, String id, int address, DigitalState onLevel) {
        var builder = DigitalOutput.newConfigBuilder(pi4j).id(id).name(id).address(address).onState(onLevel);
        // Pi4J's own Linux providers drive a line when they create an output (linuxfs writes "out",
        // i.e. low): where the adopting provider is registered, it serves the node's lines instead
        String platformDefault = pi4j.provider(IOType.DIGITAL_OUTPUT).id();
        if (pi4j.providers().exists(AdoptingSysfsOutputProvider.ID)
                && (platformDefault.startsWith("linuxfs") || platformDefault.startsWith("gpiod"))) {
            builder.provider(AdoptingSysfsOutputProvider.ID);
        }
        return pi4j.create(builder.build());
    }
}
