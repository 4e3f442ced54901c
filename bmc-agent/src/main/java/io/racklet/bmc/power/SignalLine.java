package io.racklet.bmc.power;

/** The port to one of the node's control inputs that the BMC asserts for a while (reset, shutdown). */
public interface SignalLine {
    void hold(boolean asserted);
}
