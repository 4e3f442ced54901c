package io.racklet.sim.board;

/**
 * The electrical view of one simulated board (a BMC's or the RMC's Pi), as its Pi4J providers see
 * it: GPIO lines, I2C buses and PWM channels. Implemented in-process by {@link SimBoard} and across
 * a socket by {@link io.racklet.sim.link.RemoteBoard}, so an agent process can be killed and
 * restarted while the hardware it drives keeps its state, as it would on a real rack.
 */
public interface BoardPort {

    /** Current level of a GPIO line (true = high). */
    boolean readLine(int line);

    /** How many times a line has changed level since the board came up: how edges cross a process boundary. */
    long edges(int line);

    /** Drives a GPIO line. */
    void writeLine(int line, boolean high);

    /**
     * One I2C transaction: writes {@code write} (register pointer first, then data), then reads
     * {@code readLength} bytes. Throws {@link SimIoException} when no device acknowledges.
     */
    byte[] i2cTransfer(int bus, int address, byte[] write, int readLength);

    /** Sets a PWM channel's frequency (Hz) and duty cycle (0-100 %); duty 0 switches it off. */
    void pwm(int channel, int frequencyHz, double dutyPercent);
}
