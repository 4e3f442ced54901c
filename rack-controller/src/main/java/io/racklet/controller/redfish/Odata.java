package io.racklet.controller.redfish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for the OData envelope every Redfish resource carries. */
final class Odata {
    static final String ROOT = "/redfish/v1";

    private Odata() {}

    static Map<String, Object> resource(String type, String path, String id, String name) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("@odata.id", path);
        r.put("@odata.type", type);
        r.put("Id", id);
        r.put("Name", name);
        return r;
    }

    static Map<String, Object> link(String path) {
        return Map.of("@odata.id", path);
    }

    static Map<String, Object> collection(String type, String path, String name, List<String> members) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("@odata.id", path);
        r.put("@odata.type", type);
        r.put("Name", name);
        r.put("Members@odata.count", members.size());
        r.put("Members", members.stream().map(Odata::link).toList());
        return r;
    }

    static Map<String, Object> status(boolean enabled, String health) {
        return Map.of("State", enabled ? "Enabled" : "StandbyOffline", "Health", health);
    }
}
