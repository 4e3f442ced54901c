package io.racklet.cli.boot;

import picocli.CommandLine.Command;

/** {@code racklet boot}: keys, signing and verification of boot manifests. */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Signed network boot: make signing keys, sign a kernel + initramfs + cmdline into a manifest, verify one.",
        subcommands = {KeygenCommand.class, SignCommand.class, VerifyCommand.class},
        footer = {"", "Exit codes: 0 ok (verified), 1 refused or failed (the reason is printed), 2 bad input or usage."})
public final class BootCommand extends io.racklet.cli.CommandGroup {
}
