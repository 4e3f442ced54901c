package io.racklet.bmc.energy;

/** The port to the node's power monitor chip. */
public interface PowerMonitor {

    /** Sets the chip up (calibration, modes); called at start and after the chip lost its settings. */
    void configure();

    /**
     * Takes one reading. Throws {@link com.pi4j.io.exception.IOException} when the bus fails and
     * {@link ImplausibleReadingException} for a value the part cannot physically report.
     */
    Reading read();
}
