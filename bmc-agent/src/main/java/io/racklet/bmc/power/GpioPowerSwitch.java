package io.racklet.bmc.power;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/**
 * The rail's enable line through Pi4J. Created with no initial and no shutdown state, so neither
 * starting nor stopping the agent ever changes the line: a running node stays running.
 */
public final class GpioPowerSwitch implements PowerSwitch {
    private final DigitalOutput line;
    private final DigitalState onLevel;

    public GpioPowerSwitch(Context pi4j, PowerConfig config) {
        onLevel = config.activeHigh() ? DigitalState.HIGH : DigitalState.LOW;
        line = pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id("node-enable")
                .name("node 5V rail enable")
                .address(config.chipOffset() + config.enableLine())
                .onState(onLevel)
                .build());
    }

    @Override
    public boolean isOn() {
        return line.state() == onLevel;
    }

    @Override
    public void set(boolean on) {
        if (on) {
            line.on();
        } else {
            line.off();
        }
    }
}
