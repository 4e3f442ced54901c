package io.racklet.controller.homeassistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.racklet.controller.power.CommandPublisher;
import io.racklet.controller.rack.NodeView;
import io.racklet.controller.rack.RackView;
import io.racklet.json.Json;
import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.message.MalformedMessageException;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.PowerAction;
import io.racklet.protocol.message.RackTelemetry;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Home Assistant MQTT discovery: retained configs that make every node a device with a power
 * switch and power, energy and temperature sensors, and the rack a device with its draw and fan
 * speeds, all reading Racklet's own topics. Published at connect and again whenever Home
 * Assistant announces {@code homeassistant/status online}. Switch commands arrive on
 * {@code racklet-ha/<rack>/<node>/power/set} and become ordinary power commands.
 */
public final class HomeAssistantDiscovery {
    private static final Logger log = LoggerFactory.getLogger(HomeAssistantDiscovery.class);
    public static final String PREFIX = "homeassistant";
    static final String COMMAND_ROOT = "racklet-ha";

    private final MqttConnection mqtt;
    private final RackView rack;
    private final CommandPublisher commands;
    private final java.util.Set<String> announcedFans = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public HomeAssistantDiscovery(MqttConnection mqtt, RackView rack, CommandPublisher commands) {
        this.mqtt = mqtt;
        this.rack = rack;
        this.commands = commands;
    }

    public void start() {
        mqtt.onConnected(this::publishAll);
        mqtt.subscribe(PREFIX + "/status", 1, (t, p) -> {
            if ("online".equals(new String(p, StandardCharsets.UTF_8))) publishAll();
        });
        mqtt.subscribe(COMMAND_ROOT + "/" + rack.rack() + "/+/power/set", 1, this::onSwitch);
        // fans are known only once the RMC reports: announce each the first time it appears
        mqtt.subscribe(Topics.topic(rack.rack(), Topics.RMC, TopicKind.TELEMETRY), 0, (t, p) -> {
            try {
                Messages.decode(p, RackTelemetry.class).fans().stream()
                        .filter(f -> announcedFans.add(f.name())).forEach(f -> publishFan(f.name()));
            } catch (MalformedMessageException e) {
                // the ingest counts it; nothing to announce
            }
        });
        // nodes appear when the signed spec is applied or a BMC first reports: announce each then
        rack.onNewNode(this::publishNode);
        if (mqtt.isConnected()) {
            publishAll(); // connected before this listener existed; retained configs make a repeat harmless
        }
    }

    private void onSwitch(String topic, byte[] payload) {
        String node = topic.split("/")[2];
        String p = new String(payload, StandardCharsets.UTF_8).trim();
        if (rack.node(node).isEmpty() || !(p.equals("ON") || p.equals("OFF"))) {
            log.warn("ignored Home Assistant command '{}' on {}", p, topic);
            return;
        }
        commands.power(node, p.equals("ON") ? PowerAction.ON : PowerAction.OFF, "home assistant");
    }

    /** Every config, retained; the node list is the controller's current one. */
    public void publishAll() {
        String r = rack.rack();
        rack.nodes().forEach(n -> publishNode(n.name()));
        Map<String, Object> rackDevice = rackDevice(r);
        String rmcTelemetry = Topics.topic(r, Topics.RMC, TopicKind.TELEMETRY);
        String rmcAvailability = Topics.topic(r, Topics.RMC, TopicKind.AVAILABILITY);
        publish("sensor", r, "rack", "watts", config("Rack power draw", id(r, "rack") + "_watts", rackDevice, rmcAvailability, Map.of(
                "state_topic", rmcTelemetry, "value_template", "{{ value_json.watts | round(2) }}",
                "device_class", "power", "unit_of_measurement", "W", "state_class", "measurement")));
        announcedFans.forEach(this::publishFan);
    }

    /** A node's switch and sensors, retained. */
    private void publishNode(String name) {
        String r = rack.rack();
        NodeView n = rack.node(name).orElse(null);
        if (n == null) return;
        Map<String, Object> device = Map.of("identifiers", List.of(id(r, n.name())), "name", r + " " + n.name(),
                "manufacturer", "Racklet", "model", "Raspberry Pi node (BMC)", "via_device", id(r, "rack"));
        String telemetry = Topics.topic(r, n.name(), TopicKind.TELEMETRY);
        String availability = Topics.topic(r, n.name(), TopicKind.AVAILABILITY);
        publish("switch", r, n.name(), "power", config("Power", id(r, n.name()) + "_power", device, availability, Map.of(
                "state_topic", Topics.topic(r, n.name(), TopicKind.STATE),
                "value_template", "{{ value_json.power | upper }}",
                "command_topic", COMMAND_ROOT + "/" + r + "/" + n.name() + "/power/set",
                "payload_on", "ON", "payload_off", "OFF", "state_on", "ON", "state_off", "OFF")));
        publish("sensor", r, n.name(), "watts", config("Power draw", id(r, n.name()) + "_watts", device, availability, Map.of(
                "state_topic", telemetry, "value_template", "{{ value_json.watts | round(2) }}",
                "device_class", "power", "unit_of_measurement", "W", "state_class", "measurement")));
        publish("sensor", r, n.name(), "energy", config("Energy", id(r, n.name()) + "_energy", device, availability, Map.of(
                "state_topic", telemetry, "value_template", "{{ value_json.energyWh | round(4) }}",
                "device_class", "energy", "unit_of_measurement", "Wh", "state_class", "total_increasing")));
        publish("sensor", r, n.name(), "temperature", config("Temperature", id(r, n.name()) + "_temperature", device, availability, Map.of(
                "state_topic", telemetry, "value_template", "{{ value_json.celsius }}",
                "device_class", "temperature", "unit_of_measurement", "°C", "state_class", "measurement")));
    }

    private void publishFan(String fan) {
        String r = rack.rack();
        publish("sensor", r, "rack", fan, config("Fan " + fan, id(r, "rack") + "_" + fan.replace('-', '_'), rackDevice(r),
                Topics.topic(r, Topics.RMC, TopicKind.AVAILABILITY), Map.of(
                        "state_topic", Topics.topic(r, Topics.RMC, TopicKind.TELEMETRY),
                        "value_template", "{{ (value_json.fans | selectattr('name', 'eq', '" + fan + "') | first).rpm | round(0) }}",
                        "unit_of_measurement", "RPM", "state_class", "measurement", "icon", "mdi:fan")));
    }

    private static Map<String, Object> rackDevice(String r) {
        return Map.of("identifiers", List.of(id(r, "rack")), "name", r + " rack", "manufacturer", "Racklet", "model", "Racklet RMC");
    }

    private static String id(String rack, String name) {
        return ("racklet_" + rack + "_" + name).replace('-', '_');
    }

    private static Map<String, Object> config(String name, String uniqueId, Map<String, Object> device, String availability,
            Map<String, Object> rest) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("unique_id", uniqueId);
        c.put("object_id", uniqueId);
        c.put("device", device);
        c.put("availability_topic", availability);
        c.put("payload_available", "online");
        c.put("payload_not_available", "offline");
        c.putAll(rest);
        return c;
    }

    private void publish(String component, String rack, String node, String object, Map<String, Object> config) {
        String topic = PREFIX + "/" + component + "/" + id(rack, node) + "/" + object.replace('-', '_') + "/config";
        try {
            mqtt.publish(topic, Json.json().writeValueAsBytes(config), 1, true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
