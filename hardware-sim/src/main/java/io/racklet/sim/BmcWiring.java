package io.racklet.sim;

/**
 * How a BMC HAT connects to its node, on the BMC Pi's GPIO and I2C. The demo writes the same
 * values into each BMC agent's configuration (later checked against pcb/pinmap.yaml).
 *
 * @param enableLine       GPIO line switching the node's 5 V rail
 * @param enableActiveHigh whether a high level switches the rail on
 * @param resetLine        GPIO line to the node's reset input (active-low)
 * @param i2cBus           bus of the power monitor
 * @param monitorAddress   7-bit I2C address of the power monitor
 * @param monitor          which part measures the rail
 * @param shuntOhms        the INA219's shunt resistor (the INA260 has its own)
 */
public record BmcWiring(int enableLine, boolean enableActiveHigh, int resetLine, int i2cBus, int monitorAddress,
        Monitor monitor, double shuntOhms) {
    public static final BmcWiring DEFAULT = new BmcWiring(17, true, 27, 1, 0x40, Monitor.INA219, 0.1);

    public enum Monitor { INA219, INA260 }

    public BmcWiring withMonitor(Monitor m) {
        return new BmcWiring(enableLine, enableActiveHigh, resetLine, i2cBus, monitorAddress, m, shuntOhms);
    }

    public BmcWiring withEnableActiveHigh(boolean activeHigh) {
        return new BmcWiring(enableLine, activeHigh, resetLine, i2cBus, monitorAddress, monitor, shuntOhms);
    }
}
