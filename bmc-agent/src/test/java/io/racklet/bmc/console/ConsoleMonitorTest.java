package io.racklet.bmc.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.bmc.report.RecordingReporter.Event;
import io.racklet.protocol.message.ConsoleChunk;
import io.racklet.sim.console.NodeConsole;
import io.racklet.sim.power.ComputeNode;
import io.racklet.sim.power.LoadProfile;
import io.racklet.time.SystemScheduler;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console path end to end with real parts: the simulator's node console on a pseudo-terminal,
 * jssc reading its slave side, and the monitor streaming, logging and watching for the ready marker.
 */
class ConsoleMonitorTest {
    @TempDir
    Path tmp;

    /** The simulated node runs in real time: its console prints from its own threads. */
    private final SystemScheduler simClock = new SystemScheduler("sim");
    private final ComputeNode node = new ComputeNode(simClock, LoadProfile.RASPBERRY_PI_4, 5.1, 0.12, 1);
    private NodeConsole nodeConsole;
    private ConsoleFixture console;

    @BeforeEach
    void start() throws Exception {
        nodeConsole = new NodeConsole("node-7", node, simClock, Duration.ofSeconds(1), tmp.resolve("dev/ttyNODE7"));
        console = new ConsoleFixture(nodeConsole.device(), tmp.resolve("console")).started();
    }

    @AfterEach
    void stop() {
        console.close();
        nodeConsole.close();
        simClock.close();
    }

    /** A round trip through the node's shell: once its answer is back, everything sent before it is too. */
    private void hostnameRoundTrip() {
        int before = console.streamed().length();
        console.monitor.write("hostname\n", "test");
        console.await(() -> console.streamed().substring(before).contains("node-7\r\n$ "), "hostname answer");
        console.agentClock.advance(Duration.ZERO); // callbacks of earlier reads have run
    }

    @Test
    void openingIsReportedAsHealthy() {
        assertThat(console.health).containsExactly("ok");
        assertThat(console.healthCauses.get(0)).contains("opened");
        assertThat(console.monitor.isOpen()).isTrue();
    }

    @Test
    void bootTextIsStreamedAndLoggedAndTheMarkerSeenOnce() {
        node.setPowered(true);
        console.awaitStreamed("node-7 login: ");
        assertThat(NodeConsole.READY_MARKER).isEqualTo(ConsoleFixture.MARKER);

        assertThat(console.streamed()).startsWith("[").contains("Booting Linux on physical CPU")
                .contains("systemd[1]: Hostname set to <node-7>.").contains(NodeConsole.READY_MARKER);
        assertThat(console.reporter.console).extracting(ConsoleChunk::seq)
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, console.reporter.console.size()).boxed().toList());
        assertThat(console.log.tail(100)).anySatisfy(l -> assertThat(l).contains("Booting Linux"))
                .contains(NodeConsole.READY_MARKER);

        hostnameRoundTrip();
        assertThat(console.markers).as("once for this boot").isEqualTo(1);
    }

    @Test
    void eachBootSeesTheMarkerOnceMore() {
        node.setPowered(true);
        console.await(() -> console.markers == 1, "first boot's marker");

        node.setPowered(false);
        node.setPowered(true);
        console.await(() -> console.markers == 2, "second boot's marker");
        hostnameRoundTrip();
        assertThat(console.markers).isEqualTo(2);
    }

    @Test
    void typedInputReachesTheNodeAndItsAnswerComesBack() {
        console.monitor.write("hostname\n", "command 3");
        console.awaitStreamed("hostname\r\nnode-7\r\n$ ");
        assertThat(console.reporter.events).isEmpty();
    }

    @Test
    void unpluggedDeviceIsReportedLostThenBackAndDataFlowsAgain() throws Exception {
        nodeConsole.unplug();
        console.awaitHealth("lost");
        assertThat(console.monitor.isOpen()).isFalse();
        assertThat(console.reporter.events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("console.lost");
            assertThat(e.cause()).contains("ttyNODE7");
        });

        nodeConsole.plugIn();
        console.awaitHealth("ok");
        assertThat(console.healthCauses.get(console.healthCauses.size() - 1)).contains("is back");
        assertThat(console.health).containsExactly("ok", "lost", "ok");
        assertThat(console.reporter.events).extracting(Event::kind).containsExactly("console.lost");

        node.setPowered(true);
        console.awaitStreamed("node-7 login: ");
        hostnameRoundTrip();
    }

    @Test
    void inputToAnUnpluggedConsoleIsReportedNotThrown() throws Exception {
        nodeConsole.unplug();
        console.awaitHealth("lost");

        console.monitor.write("hostname\n", "command 4");

        assertThat(console.reporter.events).extracting(Event::kind, Event::cause)
                .contains(org.assertj.core.api.Assertions.tuple("console.input.failed", "command 4"));
    }
}
