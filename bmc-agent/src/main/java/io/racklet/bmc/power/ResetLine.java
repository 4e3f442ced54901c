package io.racklet.bmc.power;

/** The port to the node's reset input. */
public interface ResetLine {
    void hold(boolean asserted);
}
