package io.racklet.sim;

/**
 * How a BMC HAT connects to its node, on the BMC Pi's GPIO and I2C. The demo writes the same
 * values into each BMC agent's configuration (later checked against pcb/pinmap.yaml).
 *
 * @param enableLine       GPIO line switching the node's 5 V rail
 * @param enableActiveHigh whether a high level switches the rail on
 * @param i2cBus           bus of the power monitor
 * @param monitorAddress   7-bit I2C address of the INA219
 * @param shuntOhms        the monitor's shunt resistor
 */
public record BmcWiring(int enableLine, boolean enableActiveHigh, int i2cBus, int monitorAddress, double shuntOhms) {
    public static final BmcWiring DEFAULT = new BmcWiring(17, true, 1, 0x40, 0.1);
}
