package io.racklet.rmc.selftest;

import com.pi4j.Pi4J;
import io.racklet.config.ConfigLoader;
import io.racklet.config.Entrypoint;
import io.racklet.drivers.selftest.SelftestReport;
import io.racklet.rmc.RmcConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racklet-rmc selftest}: checks the RMC HAT's sensors and fans and exits 0 (all passed) or 1. */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Checks the RMC HAT: temperature sensors answer with the right IDs, fans spin and report tach. "
                + "Run it with the racklet-rmc service stopped. Prints a pass/fail table; exits 1 if anything failed.")
public final class SelftestCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "/etc/racklet/rmc.yaml", description = "Agent configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--spin-up", defaultValue = "6s", converter = SelftestCommand.DurationConverter.class,
            description = "How long fans get to spin up (default: ${DEFAULT-VALUE}).")
    Duration spinUp;

    /** "6s", "500ms" as in config files. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return io.racklet.json.DurationText.parse(value);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        RmcConfig cfg = ConfigLoader.load(config, RmcConfig.class);
        SelftestReport report = new RmcSelftest(cfg, Pi4J::newAutoContext, spinUp).run();
        report.print(System.out);
        return report.passed() ? Entrypoint.OK : Entrypoint.FAILED;
    }
}
