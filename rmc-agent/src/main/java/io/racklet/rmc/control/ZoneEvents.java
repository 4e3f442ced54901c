package io.racklet.rmc.control;

/** Where the cooling zone reports what happened (kind, message, cause). */
public interface ZoneEvents {
    void event(String kind, String message, String cause);
}
