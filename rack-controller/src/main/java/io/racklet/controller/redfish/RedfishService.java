package io.racklet.controller.redfish;

import static io.racklet.controller.redfish.Odata.ROOT;
import static io.racklet.controller.redfish.Odata.collection;
import static io.racklet.controller.redfish.Odata.link;
import static io.racklet.controller.redfish.Odata.resource;
import static io.racklet.controller.redfish.Odata.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.racklet.controller.auth.Principal;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.racklet.controller.power.CommandPublisher;
import io.racklet.controller.rack.NodeView;
import io.racklet.controller.rack.RackView;
import io.racklet.json.Json;
import io.racklet.protocol.message.PowerAction;
import io.racklet.protocol.message.PowerState;
import io.racklet.protocol.message.RackTelemetry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Redfish service (DMTF DSP0266) over the rack: each node is a ComputerSystem with the Reset
 * action, a Chassis with its power and temperature sensors, and is managed by its BMC; the rack
 * is a Chassis with its power subsystem, fans and sensors, managed by the RMC. Standard clients
 * (redfishtool, Ansible's redfish modules) can list nodes, read power and reset a node.
 */
@Controller("/redfish")
public class RedfishService {
    /** How Redfish reset types map onto the BMC's power actions. */
    static final Map<String, PowerAction> RESET_TYPES = new LinkedHashMap<>();

    static {
        RESET_TYPES.put("On", PowerAction.ON);
        RESET_TYPES.put("ForceOn", PowerAction.ON);
        RESET_TYPES.put("ForceOff", PowerAction.OFF);
        RESET_TYPES.put("GracefulShutdown", PowerAction.SHUTDOWN);
        RESET_TYPES.put("ForceRestart", PowerAction.RESET);
        RESET_TYPES.put("PowerCycle", PowerAction.CYCLE);
    }

    static final String RACK_CHASSIS = "rack";
    private final RackView rack;
    private final CommandPublisher commands;
    private final String uuid;

    public RedfishService(RackView rack, CommandPublisher commands) {
        this.rack = rack;
        this.commands = commands;
        this.uuid = UUID.nameUUIDFromBytes(("racklet:" + rack.rack()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Get
    public Map<String, Object> versions() {
        return Map.of("v1", ROOT + "/");
    }

    /** Also answers /redfish/v1/: Micronaut matches a trailing slash to the same route. */
    @Get("/v1")
    public Map<String, Object> serviceRoot() {
        Map<String, Object> r = resource("#ServiceRoot.v1_15_0.ServiceRoot", ROOT, "RootService", "Racklet rack " + rack.rack());
        r.put("RedfishVersion", "1.17.0");
        r.put("UUID", uuid);
        r.put("Product", "Racklet");
        r.put("Systems", link(ROOT + "/Systems"));
        r.put("Chassis", link(ROOT + "/Chassis"));
        r.put("Managers", link(ROOT + "/Managers"));
        r.put("EventService", link(ROOT + "/EventService"));
        r.put("SessionService", link(ROOT + "/SessionService"));
        r.put("AccountService", link(ROOT + "/AccountService"));
        r.put("Links", Map.of("Sessions", link(ROOT + "/SessionService/Sessions")));
        return r;
    }

    @Get("/v1/Systems")
    public Map<String, Object> systems() {
        return collection("#ComputerSystemCollection.ComputerSystemCollection", ROOT + "/Systems", "Computer Systems",
                rack.nodes().stream().map(n -> ROOT + "/Systems/" + n.name()).toList());
    }

    @Get("/v1/Systems/{id}")
    public Map<String, Object> system(String id) {
        NodeView n = node(id);
        String path = ROOT + "/Systems/" + id;
        Map<String, Object> r = resource("#ComputerSystem.v1_20_0.ComputerSystem", path, id, "Node " + id);
        r.put("SystemType", "Physical");
        r.put("Manufacturer", "Raspberry Pi");
        r.put("PowerState", n.power() == PowerState.ON ? "On" : "Off");
        r.put("Status", status(n.power() == PowerState.ON, health(n)));
        r.put("Actions", Map.of("#ComputerSystem.Reset", Map.of(
                "target", path + "/Actions/ComputerSystem.Reset",
                "ResetType@Redfish.AllowableValues", List.copyOf(RESET_TYPES.keySet()))));
        r.put("Links", Map.of("Chassis", List.of(link(ROOT + "/Chassis/" + id)),
                "ManagedBy", List.of(link(ROOT + "/Managers/bmc-" + id))));
        return r;
    }

    @Post(uri = "/v1/Systems/{id}/Actions/ComputerSystem.Reset",
            consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED})
    public HttpResponse<?> reset(HttpRequest<?> request, String id, @Nullable @Body String body) {
        node(id);
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : Json.json().readTree(body);
        } catch (JsonProcessingException e) {
            throw new RedfishError(HttpStatus.BAD_REQUEST, "Base.1.16.MalformedJSON",
                    "The request body submitted was malformed JSON and could not be parsed by the receiving service.");
        }
        if (json == null || !json.isObject() || !json.has("ResetType")) {
            throw new RedfishError(HttpStatus.BAD_REQUEST, "Base.1.16.ActionParameterMissing",
                    "The action ComputerSystem.Reset requires the parameter ResetType to be present in the request body.");
        }
        json.fieldNames().forEachRemaining(f -> {
            if (!f.equals("ResetType")) {
                throw new RedfishError(HttpStatus.BAD_REQUEST, "Base.1.16.ActionParameterUnknown",
                        "The action ComputerSystem.Reset was submitted with the invalid parameter " + f + ".");
            }
        });
        JsonNode type = json.get("ResetType");
        PowerAction action = type.isTextual() ? RESET_TYPES.get(type.asText()) : null;
        if (action == null) {
            throw new RedfishError(HttpStatus.BAD_REQUEST, "Base.1.16.ActionParameterValueNotInList",
                    "The value " + type + " for the parameter ResetType is not in the list of acceptable values "
                            + RESET_TYPES.keySet() + ".");
        }
        if (commands.power(id, action, Principal.requestedBy(request, "redfish")).isEmpty()) {
            throw new RedfishError(HttpStatus.SERVICE_UNAVAILABLE, "Base.1.16.ServiceTemporarilyUnavailable",
                    "The rack's MQTT broker is not reachable; retry.");
        }
        return HttpResponse.noContent();
    }

    @Get("/v1/Chassis")
    public Map<String, Object> chassisCollection() {
        List<String> members = new ArrayList<>();
        members.add(ROOT + "/Chassis/" + RACK_CHASSIS);
        rack.nodes().forEach(n -> members.add(ROOT + "/Chassis/" + n.name()));
        return collection("#ChassisCollection.ChassisCollection", ROOT + "/Chassis", "Chassis", members);
    }

    @Get("/v1/Chassis/{id}")
    public Map<String, Object> chassis(String id) {
        String path = ROOT + "/Chassis/" + id;
        if (id.equals(RACK_CHASSIS)) {
            Map<String, Object> r = resource("#Chassis.v1_25_0.Chassis", path, id, "Rack " + rack.rack());
            r.put("ChassisType", "Rack");
            r.put("Status", status(true, "OK"));
            r.put("PowerSubsystem", link(path + "/PowerSubsystem"));
            r.put("ThermalSubsystem", link(path + "/ThermalSubsystem"));
            r.put("Sensors", link(path + "/Sensors"));
            r.put("Links", Map.of("Contains", rack.nodes().stream().map(n -> link(ROOT + "/Chassis/" + n.name())).toList(),
                    "ManagedBy", List.of(link(ROOT + "/Managers/rmc"))));
            return r;
        }
        NodeView n = node(id);
        Map<String, Object> r = resource("#Chassis.v1_25_0.Chassis", path, id, "Tray of " + id);
        r.put("ChassisType", "Sled");
        r.put("PowerState", n.power() == PowerState.ON ? "On" : "Off");
        r.put("Status", status(n.power() == PowerState.ON, health(n)));
        r.put("PowerSubsystem", link(path + "/PowerSubsystem"));
        r.put("Sensors", link(path + "/Sensors"));
        r.put("Links", Map.of("ComputerSystems", List.of(link(ROOT + "/Systems/" + id)),
                "ContainedBy", link(ROOT + "/Chassis/" + RACK_CHASSIS), "ManagedBy", List.of(link(ROOT + "/Managers/bmc-" + id))));
        return r;
    }

    @Get("/v1/Chassis/{id}/PowerSubsystem")
    public Map<String, Object> powerSubsystem(String id) {
        String path = ROOT + "/Chassis/" + id + "/PowerSubsystem";
        Map<String, Object> r = resource("#PowerSubsystem.v1_1_1.PowerSubsystem", path, "PowerSubsystem", "Power");
        if (id.equals(RACK_CHASSIS)) {
            RackTelemetry t = rack.rackTelemetry().orElse(null);
            Map<String, Object> allocation = new LinkedHashMap<>();
            allocation.put("AllocatedWatts", t == null ? null : t.watts());
            allocation.put("RequestedWatts", t == null ? null : t.watts());
            r.put("CapacityWatts", t == null ? null : t.budgetWatts());
            r.put("Allocation", allocation);
        } else {
            NodeView n = node(id);
            r.put("Allocation", Map.of("AllocatedWatts", n.watts(), "RequestedWatts", n.watts()));
        }
        r.put("Status", status(true, "OK"));
        return r;
    }

    @Get("/v1/Chassis/{id}/ThermalSubsystem")
    public Map<String, Object> thermalSubsystem(String id) {
        if (!id.equals(RACK_CHASSIS)) throw RedfishError.notFound("ThermalSubsystem of " + id);
        String path = ROOT + "/Chassis/" + id + "/ThermalSubsystem";
        Map<String, Object> r = resource("#ThermalSubsystem.v1_3_0.ThermalSubsystem", path, "ThermalSubsystem", "Cooling");
        r.put("Fans", link(path + "/Fans"));
        String mode = rack.rackTelemetry().map(t -> t.zone() == null ? "failsafe" : t.zone().mode()).orElse("unknown");
        r.put("Status", status(true, mode.equals("failsafe") ? "Warning" : "OK"));
        return r;
    }

    @Get("/v1/Chassis/{id}/ThermalSubsystem/Fans")
    public Map<String, Object> fans(String id) {
        thermalSubsystem(id);
        String path = ROOT + "/Chassis/" + id + "/ThermalSubsystem/Fans";
        return collection("#FanCollection.FanCollection", path, "Fans",
                fanList().stream().map(f -> path + "/" + f.name()).toList());
    }

    @Get("/v1/Chassis/{id}/ThermalSubsystem/Fans/{fan}")
    public Map<String, Object> fan(String id, String fan) {
        thermalSubsystem(id);
        RackTelemetry.Fan f = fanList().stream().filter(x -> x.name().equals(fan)).findFirst()
                .orElseThrow(() -> RedfishError.notFound("Fan " + fan));
        Map<String, Object> r = resource("#Fan.v1_5_0.Fan", ROOT + "/Chassis/" + id + "/ThermalSubsystem/Fans/" + fan, fan, "Fan " + fan);
        r.put("SpeedPercent", Map.of("Reading", f.duty(), "SpeedRPM", f.rpm()));
        r.put("Status", status(true, f.status().equals("failed") ? "Critical" : "OK"));
        return r;
    }

    @Get("/v1/Chassis/{id}/Sensors")
    public Map<String, Object> sensors(String id) {
        String path = ROOT + "/Chassis/" + id + "/Sensors";
        return collection("#SensorCollection.SensorCollection", path, "Sensors",
                sensorReadings(id).keySet().stream().map(s -> path + "/" + s).toList());
    }

    @Get("/v1/Chassis/{id}/Sensors/{sensor}")
    public Map<String, Object> sensor(String id, String sensor) {
        Object[] reading = sensorReadings(id).get(sensor);
        if (reading == null) throw RedfishError.notFound("Sensor " + sensor + " of " + id);
        Map<String, Object> r = resource("#Sensor.v1_9_0.Sensor", ROOT + "/Chassis/" + id + "/Sensors/" + sensor, sensor,
                (String) reading[0]);
        r.put("ReadingType", reading[1]);
        r.put("Reading", reading[2]);
        r.put("ReadingUnits", reading[3]);
        r.put("Status", status(reading[2] != null, reading[2] == null ? "Warning" : "OK"));
        return r;
    }

    /** Sensor id to {name, ReadingType, reading, units}. */
    private Map<String, Object[]> sensorReadings(String id) {
        Map<String, Object[]> out = new LinkedHashMap<>();
        if (id.equals(RACK_CHASSIS)) {
            RackTelemetry t = rack.rackTelemetry().orElse(null);
            out.put("RackPower", new Object[] {"Rack power draw", "Power", t == null ? null : t.watts(), "W"});
            if (t != null) {
                t.fans().forEach(f -> out.put("Fan_" + f.name(), new Object[] {"Fan " + f.name(), "Rotational", f.rpm(), "RPM"}));
                t.sensors().forEach(s -> out.put("Temp_" + s.name(), new Object[] {"Air " + s.name(), "Temperature", s.celsius(), "Cel"}));
            }
            return out;
        }
        NodeView n = node(id);
        out.put("Power", new Object[] {"Node power", "Power", n.watts(), "W"});
        out.put("Energy", new Object[] {"Node energy", "EnergykWh", n.energyWh() / 1000, "kW.h"});
        out.put("Voltage", new Object[] {"5 V rail", "Voltage", n.volts(), "V"});
        out.put("Current", new Object[] {"Node current", "Current", n.amps(), "A"});
        out.put("Temperature", new Object[] {"Beside the node", "Temperature", n.celsius(), "Cel"});
        return out;
    }

    @Get("/v1/Managers")
    public Map<String, Object> managers() {
        List<String> members = new ArrayList<>();
        members.add(ROOT + "/Managers/rmc");
        rack.nodes().forEach(n -> members.add(ROOT + "/Managers/bmc-" + n.name()));
        return collection("#ManagerCollection.ManagerCollection", ROOT + "/Managers", "Managers", members);
    }

    @Get("/v1/Managers/{id}")
    public Map<String, Object> manager(String id) {
        String path = ROOT + "/Managers/" + id;
        if (id.equals("rmc")) {
            Map<String, Object> r = resource("#Manager.v1_19_0.Manager", path, id, "Rack management controller");
            r.put("ManagerType", "RackManager");
            r.put("Status", status(rack.rackTelemetry().isPresent(), "OK"));
            r.put("Links", Map.of("ManagerForChassis", List.of(link(ROOT + "/Chassis/" + RACK_CHASSIS))));
            return r;
        }
        if (!id.startsWith("bmc-")) throw RedfishError.notFound("Manager " + id);
        NodeView n = node(id.substring(4));
        Map<String, Object> r = resource("#Manager.v1_19_0.Manager", path, id, "BMC of " + n.name());
        r.put("ManagerType", "BMC");
        r.put("Status", status(n.online(), n.online() ? "OK" : "Critical"));
        r.put("Links", Map.of("ManagerForServers", List.of(link(ROOT + "/Systems/" + n.name())),
                "ManagerForChassis", List.of(link(ROOT + "/Chassis/" + n.name()))));
        return r;
    }

    private NodeView node(String id) {
        return rack.node(id).orElseThrow(() -> RedfishError.notFound("Resource " + id));
    }

    private List<RackTelemetry.Fan> fanList() {
        return rack.rackTelemetry().map(RackTelemetry::fans).orElse(List.of());
    }

    private static String health(NodeView n) {
        if (!n.online()) return "Critical";
        return "failed".equals(n.sensor()) ? "Warning" : "OK";
    }

    @Error(exception = RedfishError.class)
    public HttpResponse<Map<String, Object>> error(RedfishError e) {
        return e.response();
    }
}
