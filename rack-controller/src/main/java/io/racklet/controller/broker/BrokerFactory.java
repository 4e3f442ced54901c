package io.racklet.controller.broker;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.racklet.controller.ControllerConfig;
import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.topic.Topics;

/** The controller's one connection to the rack's broker. */
@Factory
public class BrokerFactory {

    @Context
    @Bean(preDestroy = "close")
    MqttConnection mqtt(ControllerConfig config, RackBroker broker) {
        // takes the broker so that an embedded one is listening before the first connect
        return MqttConnection.forAgent(config.brokerSettings(), Topics.CONTROLLER, config.rack(), Topics.CONTROLLER);
    }
}
