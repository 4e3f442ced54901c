package io.racklet.rmc.thermal;

/** The port to one temperature sensor. Throws on a bus error or an impossible value. */
public interface Thermometer {
    double celsius();
}
