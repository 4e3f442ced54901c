package io.racklet.controller.rack;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.racklet.controller.ControllerConfig;
import io.racklet.controller.ingest.RackIngest;
import io.racklet.controller.power.CommandPublisher;
import io.racklet.mqtt.MqttConnection;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The ingest that feeds the rack view, and the command path out of it. */
@Factory
public class RackFactory {

    @Context
    @Bean
    RackIngest rackIngest(RackView view, MqttConnection mqtt) {
        RackIngest ingest = new RackIngest(view);
        ingest.subscribe(mqtt);
        mqtt.start();
        return ingest;
    }

    @Singleton
    CommandPublisher commandPublisher(MqttConnection mqtt, ControllerConfig config) {
        return new CommandPublisher(mqtt, Clock.systemUTC(), config.rack());
    }
}
