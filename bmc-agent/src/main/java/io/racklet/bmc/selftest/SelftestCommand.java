package io.racklet.bmc.selftest;

import com.pi4j.Pi4J;
import io.racklet.bmc.BmcConfig;
import io.racklet.config.ConfigLoader;
import io.racklet.config.Entrypoint;
import io.racklet.drivers.selftest.SelftestReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racklet-bmc selftest}: checks the BMC HAT's wiring and exits 0 (all passed) or 1. */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Checks the BMC HAT: I2C parts answer with the right IDs, GPIO lines are writable, the UART opens. "
                + "Prints a pass/fail table; exits 1 if anything failed.")
public final class SelftestCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "/etc/racklet/bmc.yaml", description = "Agent configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Override
    public Integer call() {
        BmcConfig cfg = ConfigLoader.load(config, BmcConfig.class);
        SelftestReport report = new BmcSelftest(cfg, Pi4J::newAutoContext).run();
        report.print(System.out);
        return report.passed() ? Entrypoint.OK : Entrypoint.FAILED;
    }
}
