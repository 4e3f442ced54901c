package io.racklet.sim;

/**
 * How a BMC HAT connects to its node, on the BMC Pi's GPIO and I2C. The demo writes the same
 * values into each BMC agent's configuration (later checked against pcb/pinmap.yaml).
 *
 * @param enableLine       GPIO line switching the node's 5 V rail
 * @param enableActiveHigh whether a high level switches the rail on
 * @param resetLine        GPIO line to the node's reset input (active-low)
 * @param shutdownLine     GPIO line to the node's shutdown input (its GPIO3, active-low)
 * @param i2cBus           bus of the power monitor
 * @param monitorAddress   7-bit I2C address of the power monitor
 * @param monitor          which part measures the rail
 * @param shuntOhms        the INA219's shunt resistor (the INA260 has its own)
 * @param thermometerAddress I2C address of the TMP102 beside the node
 */
public record BmcWiring(int enableLine, boolean enableActiveHigh, int resetLine, int shutdownLine, int i2cBus,
        int monitorAddress, Monitor monitor, double shuntOhms, int thermometerAddress) {
    public static final BmcWiring DEFAULT = new BmcWiring(17, true, 27, 22, 1, 0x40, Monitor.INA219, 0.1, 0x48);

    public enum Monitor { INA219, INA260 }

    public BmcWiring withMonitor(Monitor m) {
        return new BmcWiring(enableLine, enableActiveHigh, resetLine, shutdownLine, i2cBus, monitorAddress, m, shuntOhms,
                thermometerAddress);
    }

    public BmcWiring withEnableActiveHigh(boolean activeHigh) {
        return new BmcWiring(enableLine, activeHigh, resetLine, shutdownLine, i2cBus, monitorAddress, monitor, shuntOhms,
                thermometerAddress);
    }
}
