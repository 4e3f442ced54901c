package io.racklet.tests.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.racklet.bmc.BmcConfig;
import io.racklet.config.ConfigException;
import io.racklet.config.ConfigLoader;
import io.racklet.controller.ControllerConfig;
import io.racklet.rmc.RmcConfig;

/** The agents' and the controller's YAML configuration (an admin's file in /etc/racklet), through the one loader. */
class AgentConfigFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void bmcConfig(byte[] data) {
        Rejection.onlyWith(ConfigException.class, () -> ConfigLoader.parse("bmc.yaml", FuzzInput.text(data), BmcConfig.class));
    }

    @FuzzTest(maxDuration = "10m")
    void rmcConfig(byte[] data) {
        Rejection.onlyWith(ConfigException.class, () -> ConfigLoader.parse("rmc.yaml", FuzzInput.text(data), RmcConfig.class));
    }

    @FuzzTest(maxDuration = "10m")
    void controllerConfig(byte[] data) {
        Rejection.onlyWith(ConfigException.class,
                () -> ConfigLoader.parse("controller.yaml", FuzzInput.text(data), ControllerConfig.class));
    }
}
