package io.racklet.cli;

import io.racklet.cli.boot.BootCommand;
import io.racklet.cli.client.ConsoleCommand;
import io.racklet.cli.client.EventsCommand;
import io.racklet.cli.client.NodesCommand;
import io.racklet.cli.client.PowerCommand;
import io.racklet.cli.client.RackCommand;
import io.racklet.cli.client.StatusCommand;
import io.racklet.cli.demo.DemoCommand;
import io.racklet.cli.spec.SpecCommand;
import io.racklet.cli.keys.KeysCommand;
import io.racklet.cli.keys.BrokerCommand;
import io.racklet.cli.client.SyncCommand;
import io.racklet.config.Entrypoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./racklet}: the project's single entry point. */
@Command(name = "racklet", mixinStandardHelpOptions = true, version = "racklet 0.1.0",
        description = "Open rack firmware and control plane for Raspberry-Pi racks.",
        subcommands = {DemoCommand.class, StatusCommand.class, NodesCommand.class, RackCommand.class, PowerCommand.class, ConsoleCommand.class,
                EventsCommand.class, SpecCommand.class, SyncCommand.class, BootCommand.class, KeysCommand.class, BrokerCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Also: ./racklet test   runs every test (installs what the tests need).",
                "Exit codes: 0 ok, 1 failed, 2 bad input or usage."})
public final class Racklet extends CommandGroup {

    public static void main(String[] args) {
        System.exit(Entrypoint.execute(new CommandLine(new Racklet()), args));
    }
}
