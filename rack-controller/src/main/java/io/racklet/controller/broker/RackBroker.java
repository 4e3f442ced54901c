package io.racklet.controller.broker;

import io.micronaut.context.annotation.Context;
import io.racklet.controller.ControllerConfig;
import io.racklet.mqtt.EmbeddedBroker;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the embedded Moquette broker unless the configuration names an external broker. */
@Context
public class RackBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RackBroker.class);
    private final EmbeddedBroker embedded;

    public RackBroker(ControllerConfig config) {
        if (config.embeddedBroker()) {
            embedded = EmbeddedBroker.start(config.broker().host(), config.broker().port());
            log.info("embedded MQTT broker listening on {}", embedded.url());
        } else {
            embedded = null;
            log.info("using external MQTT broker {}", config.mqtt().url());
        }
    }

    @PreDestroy
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
