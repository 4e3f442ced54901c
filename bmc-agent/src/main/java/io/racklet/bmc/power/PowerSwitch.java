package io.racklet.bmc.power;

/** The port to the node's power rail: what the line says now, and switching it. */
public interface PowerSwitch {

    /** Reads the rail's enable line; never a cached value. */
    boolean isOn();

    void set(boolean on);
}
