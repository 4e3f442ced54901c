package io.racklet.tests.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.bmc.BmcConfig;
import io.racklet.config.ConfigLoader;
import io.racklet.controller.ControllerConfig;
import io.racklet.rmc.RmcConfig;
import io.racklet.rmc.thermal.SensorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The three .debs as Debian's own tools see them: dpkg-deb, lintian, dpkg installing them into a
 * separate Debian root (maintainer scripts run chrootless against it: DPKG_ROOT), systemd-analyze
 * verifying the installed units against the root's real systemd units, and a purge. The root is
 * not a full debootstrap: it holds base-passwd's users and groups and the files of Debian's
 * systemd package; the Java runtime dependency is checked by apt against the host instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebianPackagesTest {
    /** Where scripts/install-test-deps.sh keeps Debian's systemd package for the root. */
    static final Path DEB_CACHE = Path.of(System.getProperty("user.home"), ".cache", "racklet", "debs");

    Path root;

    @BeforeAll
    void installIntoDebianRoot() throws Exception {
        root = Files.createTempDirectory("racklet-debian-root");
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        Files.createDirectories(root.resolve("var/lib/dpkg/updates"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), "");
        Files.createDirectories(root.resolve("etc"));
        // the users and groups every Debian system starts with (dialout is 20)
        Files.copy(Path.of("/usr/share/base-passwd/passwd.master"), root.resolve("etc/passwd"));
        Files.copy(Path.of("/usr/share/base-passwd/group.master"), root.resolve("etc/group"));
        Command.run(List.of("dpkg-deb", "-x", systemdDeb().toString(), root.toString())).ok("unpacking systemd into the root");
        List<String> install = new ArrayList<>(List.of("dpkg", "--root=" + root, "--force-script-chrootless",
                // openjdk-17-jre-headless and systemd are not registered in this root: see dependenciesResolve
                "--force-depends", "-i"));
        for (String n : Packages.NAMES) install.add(Packages.deb(n).toString());
        Command out = Command.run(install).ok("dpkg -i into " + root);
        System.out.println(out.output());
    }

    static Path systemdDeb() throws IOException {
        try (Stream<Path> s = Files.exists(DEB_CACHE) ? Files.list(DEB_CACHE) : Stream.empty()) {
            return s.filter(p -> p.getFileName().toString().matches("systemd_.*\\.deb")).findFirst()
                    .orElseThrow(() -> new IOException("Debian's systemd package is not in " + DEB_CACHE
                            + ": run scripts/install-test-deps.sh"));
        }
    }

    @AfterAll
    void removeRoot() throws Exception {
        if (root != null) Command.run(List.of("rm", "-rf", root.toString()));
    }

    @Test
    @Order(1)
    void packagesDescribeThemselvesAndHoldTheRightFiles() throws Exception {
        for (String name : Packages.NAMES) {
            String deb = Packages.deb(name).toString();
            String info = Command.run(List.of("dpkg-deb", "--info", deb)).ok("dpkg-deb --info").output();
            assertThat(info).contains("Package: " + name, "Architecture: all",
                    "Depends: openjdk-17-jre-headless | java17-runtime-headless, systemd", "postinst", "prerm", "postrm");
            String contents = Command.run(List.of("dpkg-deb", "--contents", deb)).ok("dpkg-deb --contents").output();
            String shortName = name.substring("racklet-".length());
            assertThat(contents).contains("-rwxr-xr-x root/root", "./usr/bin/" + name + "\n",
                    "./lib/systemd/system/" + name + ".service", "./etc/racklet/" + shortName + ".yaml",
                    "./etc/default/" + name, "./usr/lib/sysusers.d/" + name + ".conf",
                    "./usr/share/doc/" + name + "/copyright", "./usr/share/doc/" + name + "/changelog.gz",
                    "./usr/share/man/man1/" + name + ".1.gz", "./usr/share/racklet/" + shortName + "/lib/protocol-");
            // the simulator, Pi4J's mock and its stub Raspberry Pi plugin must never reach a Pi
            assertThat(contents).doesNotContain("hardware-sim", "pi4j-plugin-mock", "pi4j-plugin-raspberrypi", "jsch");
            String conffiles = Command.run(List.of("dpkg-deb", "--info", deb, "conffiles")).ok("conffiles").output();
            assertThat(conffiles.lines()).containsExactlyInAnyOrder("/etc/racklet/" + shortName + ".yaml", "/etc/default/" + name);
        }
        String bmc = Command.run(List.of("dpkg-deb", "--contents", Packages.deb("racklet-bmc").toString())).output();
        assertThat(bmc).contains("/lib/bmc-agent-", "/lib/pi4j-plugin-gpiod-", "/lib/pi4j-plugin-linuxfs-", "/lib/jssc-");
        String rmc = Command.run(List.of("dpkg-deb", "--contents", Packages.deb("racklet-rmc").toString())).output();
        assertThat(rmc).contains("/lib/rmc-agent-", "/lib/pi4j-plugin-gpiod-", "/lib/pi4j-plugin-linuxfs-");
    }

    @Test
    @Order(2)
    void lintianFindsNothing() throws Exception {
        List<String> cmd = new ArrayList<>(List.of("lintian", "--fail-on", "error,warning", "--display-info"));
        for (String n : Packages.NAMES) cmd.add(Packages.deb(n).toString());
        Command lintian = Command.run(cmd, Map.of(), 300);
        System.out.println("lintian: " + lintian.output());
        assertThat(lintian.output().lines().filter(l -> l.matches("^[EWI]: .*"))).as(lintian.output()).isEmpty();
        assertThat(lintian.exitCode()).as(lintian.output()).isZero();
    }

    @Test
    @Order(3)
    void dependenciesResolveFromDebian() throws Exception {
        List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "--simulate", "-q"));
        for (String n : Packages.NAMES) cmd.add(Packages.deb(n).toString());
        Command apt = Command.run(cmd).ok("apt-get install --simulate");
        assertThat(apt.output()).contains("Inst racklet-bmc", "Inst racklet-rmc", "Inst racklet-controller");
    }

    @Test
    @Order(4)
    void installedWithUsersGroupsAndEnabledUnits() throws Exception {
        for (String name : Packages.NAMES) {
            String status = Command.run(List.of("dpkg", "--root=" + root, "-s", name)).ok("dpkg -s").output();
            assertThat(status).contains("Status: install ok installed");
            // enabled: the link points into the root's /lib (absolute, so not followed from here)
            Path wants = root.resolve("etc/systemd/system/multi-user.target.wants/" + name + ".service");
            assertThat(Files.readSymbolicLink(wants)).isEqualTo(Path.of("/lib/systemd/system/" + name + ".service"));
        }
        String passwd = Files.readString(root.resolve("etc/passwd"));
        assertThat(passwd).contains("racklet-bmc:x:", "racklet-rmc:x:", "racklet-controller:x:");
        assertThat(passwd.lines().filter(l -> l.startsWith("racklet-"))).allMatch(l -> l.endsWith(":/usr/sbin/nologin"));
        List<String> groups = Files.readAllLines(root.resolve("etc/group"));
        assertThat(groups).anyMatch(g -> g.matches("dialout:[^:]*:20:.*") && g.endsWith("racklet-bmc"));
        assertThat(groups).anyMatch(g -> g.startsWith("gpio:") && g.contains("racklet-bmc") && g.contains("racklet-rmc"));
        assertThat(groups).anyMatch(g -> g.startsWith("i2c:") && g.contains("racklet-bmc") && g.contains("racklet-rmc"));
        assertThat(groups).noneMatch(g -> g.contains("racklet-controller") && !g.startsWith("racklet-controller:"));
        Command.run(List.of("dpkg", "--root=" + root, "--verify", "racklet-bmc", "racklet-rmc", "racklet-controller")).ok("dpkg --verify");
        // the wrapper is valid sh and execs java with the package's class path
        Path wrapper = root.resolve("usr/bin/racklet-bmc");
        Command.run(List.of("sh", "-n", wrapper.toString())).ok("sh -n");
        assertThat(Files.readString(wrapper)).contains("-cp \"/usr/share/racklet/bmc/lib/*\" io.racklet.bmc.Main");
    }

    @Test
    @Order(5)
    void unitsVerifyAndAreHardened() throws Exception {
        List<String> verify = new ArrayList<>(List.of("systemd-analyze", "verify", "--root=" + root));
        for (String n : Packages.NAMES) verify.add("/lib/systemd/system/" + n + ".service");
        // Documentation=man:... is checked with man(1), which must look in the root
        Command v = Command.run(verify, Map.of("MANPATH", root.resolve("usr/share/man").toString()), 60);
        assertThat(v.output()).as("systemd-analyze verify").isBlank();
        assertThat(v.exitCode()).isZero();
        for (String n : Packages.NAMES) {
            // exposure 0 (locked down) to 10 (unsafe); 3.0 and below is what systemd calls OK
            Command s = Command.run(List.of("systemd-analyze", "security", "--offline=yes", "--root=" + root, "--threshold=30",
                    n + ".service"), Map.of(), 60);
            String overall = s.output().lines().filter(l -> l.contains("Overall exposure")).findFirst().orElse(s.output());
            System.out.println(overall);
            assertThat(s.exitCode()).as(overall).isZero();
        }
        String unit = Files.readString(root.resolve("lib/systemd/system/racklet-bmc.service"));
        assertThat(unit).contains("Type=notify", "WatchdogSec=", "User=racklet-bmc", "SupplementaryGroups=gpio i2c dialout",
                "ProtectSystem=strict", "StateDirectory=racklet/bmc", "Restart=on-failure", "RestartPreventExitStatus=2", "SuccessExitStatus=143");
    }

    @Test
    @Order(6)
    void defaultConfigurationsHoldThePinMapDefaults() throws Exception {
        BmcConfig bmc = ConfigLoader.parse("bmc.yaml", withIdentity(root.resolve("etc/racklet/bmc.yaml"),
                "rack: r1\nnode: node-1\nmqtt: {url: \"tcp://127.0.0.1:1883\"}\n"), BmcConfig.class);
        assertThat(bmc.power().enableLine()).isEqualTo(17);
        assertThat(bmc.power().resetLine()).isEqualTo(27);
        assertThat(bmc.power().shutdownLine()).isEqualTo(22);
        assertThat(bmc.monitor().address()).isEqualTo(0x40);
        assertThat(bmc.thermometer().address()).isEqualTo(0x48);
        assertThat(bmc.console().device()).isEqualTo(Path.of("/dev/serial0"));
        assertThat(bmc.stateDir()).isEqualTo(Path.of("/var/lib/racklet/bmc"));
        RmcConfig rmc = ConfigLoader.parse("rmc.yaml", withIdentity(root.resolve("etc/racklet/rmc.yaml"),
                "rack: r1\nmqtt: {url: \"tcp://127.0.0.1:1883\"}\n"), RmcConfig.class);
        assertThat(rmc.fans()).extracting(f -> f.pwm() + "/" + f.tach()).containsExactly("12/6", "13/5");
        assertThat(rmc.sensors()).extracting(SensorConfig::address).containsExactly(0x48, 0x49);
        ControllerConfig controller = ConfigLoader.parse("controller.yaml", withIdentity(root.resolve("etc/racklet/controller.yaml"),
                "rack: r1\n"), ControllerConfig.class);
        assertThat(controller.broker().port()).isEqualTo(1883);
        assertThat(controller.stateDir()).isEqualTo(Path.of("/var/lib/racklet/controller"));
    }

    private static String withIdentity(Path conffile, String identity) throws IOException {
        return identity + Files.readString(conffile);
    }

    @Test
    @Order(7)
    void anUnconfiguredAgentSaysWhatIsMissingAndExitsTwo() throws Exception {
        // exit 2 is what the unit's RestartPreventExitStatus= waits on: no restart loop until the edit
        Command bmc = Command.run(Packages.java(root, "racklet-bmc", "io.racklet.bmc.Main", null,
                "--config", root.resolve("etc/racklet/bmc.yaml").toString()), Map.of(), 60);
        assertThat(bmc.exitCode()).as(bmc.output()).isEqualTo(2);
        assertThat(bmc.output()).contains("error:", "rack");
        Command help = Command.run(Packages.java(root, "racklet-rmc", "io.racklet.rmc.Main", null, "selftest", "--help"), Map.of(), 60);
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("--config", "/etc/racklet/rmc", "--spin-up");
    }

    @Test
    @Order(8)
    void purgeRemovesConfigurationAndState() throws Exception {
        Path state = root.resolve("var/lib/racklet/bmc");
        Files.createDirectories(state);
        Files.writeString(state.resolve("energy.json"), "{}");
        Command.run(List.of("dpkg", "--root=" + root, "--force-script-chrootless", "--purge", "racklet-bmc")).ok("dpkg --purge");
        assertThat(root.resolve("etc/racklet/bmc.yaml")).doesNotExist();
        assertThat(root.resolve("usr/share/racklet/bmc")).doesNotExist();
        assertThat(state).doesNotExist();
        assertThat(Files.exists(root.resolve("etc/systemd/system/multi-user.target.wants/racklet-bmc.service"),
                java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(root.resolve("etc/racklet/rmc.yaml")).exists();
    }
}
