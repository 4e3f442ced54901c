package io.racklet.controller.rack;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.racklet.controller.ControllerConfig;
import io.racklet.controller.auth.Accounts;
import io.racklet.controller.console.ConsoleBuffer;
import io.racklet.controller.events.EventLog;
import io.racklet.controller.history.HistoryStore;
import io.racklet.controller.homeassistant.HomeAssistantDiscovery;
import io.racklet.controller.ingest.RackIngest;
import io.racklet.controller.metrics.RackMetrics;
import io.racklet.controller.power.CommandPublisher;
import io.racklet.controller.sync.ControllerSync;
import io.racklet.mqtt.MqttConnection;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The ingest that feeds the rack view, event log and console buffer, and the command path out. */
@Factory
public class RackFactory {

    @Context
    @Bean
    RackIngest rackIngest(RackView view, EventLog events, ConsoleBuffer console, HistoryStore history, MqttConnection mqtt) {
        RackIngest ingest = new RackIngest(view, events, console, history);
        ingest.subscribe(mqtt);
        mqtt.start();
        return ingest;
    }

    @Singleton
    @Bean(preDestroy = "close")
    HistoryStore historyStore(ControllerConfig config) {
        return new HistoryStore(config.stateDir().resolve("history.db"), config.history().rawRetention(),
                config.history().rollupRetention());
    }

    /** Refilled from the history store, so a restarted controller still shows what happened before. */
    @Singleton
    EventLog eventLog(HistoryStore history) {
        EventLog log = new EventLog();
        log.addAll(history.events(null, null, null, EventLog.CAPACITY));
        return log;
    }

    @Singleton
    ConsoleBuffer consoleBuffer() {
        return new ConsoleBuffer();
    }

    @Context
    @Bean
    HomeAssistantDiscovery homeAssistant(MqttConnection mqtt, RackView view, CommandPublisher commands) {
        HomeAssistantDiscovery ha = new HomeAssistantDiscovery(mqtt, view, commands);
        ha.start();
        return ha;
    }

    @Singleton
    RackMetrics rackMetrics(RackView view, RackIngest ingest) {
        return new RackMetrics(view, ingest);
    }

    @Context
    @Bean(preDestroy = "close")
    ControllerSync controllerSync(ControllerConfig config, RackView view, Accounts accounts, MqttConnection mqtt, RackIngest ingest) {
        // after the ingest: the controller's own sync status and events come back through it
        ControllerSync sync = new ControllerSync(config, view, accounts, mqtt);
        sync.start();
        return sync;
    }

    @Singleton
    CommandPublisher commandPublisher(MqttConnection mqtt, ControllerConfig config) {
        return new CommandPublisher(mqtt, Clock.systemUTC(), config.rack());
    }
}
