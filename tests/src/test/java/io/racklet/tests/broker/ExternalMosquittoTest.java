package io.racklet.tests.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.racklet.bmc.BmcAgent;
import io.racklet.bmc.BmcConfig;
import io.racklet.bmc.power.PowerConfig;
import io.racklet.bmc.power.RestorePolicy;
import io.racklet.controller.ControllerApp;
import io.racklet.controller.ControllerConfig;
import io.racklet.controller.rack.NodeView;
import io.racklet.controller.rack.RackView;
import io.racklet.mqtt.MqttConnection;
import io.racklet.mqtt.MqttSettings;
import io.racklet.protocol.message.PowerAction;
import io.racklet.protocol.message.PowerState;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.pi4j.SimPi4j;
import io.racklet.tests.support.Mosquitto;
import io.racklet.time.SystemScheduler;
import io.racklet.controller.power.CommandPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a broker URL the controller uses an external broker instead of its embedded one: here a
 * real Mosquitto 2, with a BMC agent on a simulated node reporting through it and obeying a command.
 */
class ExternalMosquittoTest {

    @Test
    void controllerAndBmcWorkThroughARealMosquitto(@TempDir Path dir) throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir)) {
            ControllerConfig config = new ControllerConfig("lab", new ControllerConfig.Listen("127.0.0.1", 0),
                    MqttSettings.of(broker.url()), null, null, dir.resolve("controller"));
            ApplicationContext app = ControllerApp.start(config);
            SystemScheduler clock = new SystemScheduler("test-bmc");
            SimRack world = new SimRack(clock).addNode("n1", BmcWiring.DEFAULT, 1);
            BmcConfig bmcConfig = new BmcConfig("lab", "n1", MqttSettings.of(broker.url()),
                    PowerConfig.withPolicy(RestorePolicy.ALWAYS_ON), null, null, null, Duration.ofMillis(200), dir.resolve("bmc"), null, null);
            // what an RMC announces (retained): this rack has no power budget, so no grants are needed
            MqttConnection rmc = new MqttConnection(MqttSettings.of(broker.url()), "rmc-lab", null, null).start();
            assertThat(rmc.awaitConnected(Duration.ofSeconds(10))).isTrue();
            rmc.publish("racklet/lab/rmc/state", io.racklet.protocol.message.Messages.encode(
                    io.racklet.protocol.message.RackState.of(java.time.Instant.now(), null, "failsafe", "test")), 1, true);
            MqttConnection bmcMqtt = new MqttConnection(bmcConfig.mqtt(), "bmc-lab-n1", null, null);
            BmcAgent bmc = new BmcAgent(bmcConfig, SimPi4j.context(world.board("n1")), clock, bmcMqtt);
            try {
                bmc.start();
                RackView view = app.getBean(RackView.class);
                await(view, n -> n.power() == PowerState.ON && n.watts() > 0);

                app.getBean(CommandPublisher.class).power("n1", PowerAction.OFF, "test").orElseThrow();
                NodeView off = await(view, n -> n.power() == PowerState.OFF && n.watts() < 0.1);
                assertThat(off.cause()).contains("from test");
                assertThat(world.node("n1").powered()).isFalse();
            } finally {
                rmc.close();
                bmc.close();
                clock.close();
                app.close();
            }
        }
    }

    private static NodeView await(RackView view, Predicate<NodeView> condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            var n = view.node("n1");
            if (n.isPresent() && condition.test(n.get())) return n.get();
            Thread.sleep(50);
        }
        throw new AssertionError("node n1 never reached the condition: " + view.node("n1"));
    }
}
