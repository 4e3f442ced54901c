package io.racklet.sim.pi4j;

import com.pi4j.context.Context;
import com.pi4j.platform.Platform;
import com.pi4j.platform.PlatformBase;

/** The simulated rack as a Pi4J platform: its providers serve every GPIO, I2C and PWM request. */
public final class SimPlatform extends PlatformBase<SimPlatform> implements Platform {
    public static final String ID = "racklet-sim";

    public SimPlatform() {
        super(ID, "Racklet simulated rack", "GPIO, I2C and PWM backed by Racklet's physical rack models");
    }

    @Override
    public int priority() {
        // above every real platform: when the simulator is configured, it is what the agent meant
        return 2000;
    }

    @Override
    public boolean enabled(Context context) {
        return true;
    }

    @Override
    protected String[] getProviders() {
        return new String[] {
            SimDigitalOutputProvider.ID, SimDigitalInputProvider.ID, SimI2CProvider.ID, SimPwmProvider.ID
        };
    }
}
