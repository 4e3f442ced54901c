package io.racklet.sim.board;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** One board's GPIO lines, I2C devices and PWM channels, shared by its models and its agent. */
public final class SimBoard implements BoardPort {
    private final String name;
    private final Map<Integer, Boolean> lines = new HashMap<>();
    private final Map<Integer, Long> edges = new HashMap<>();
    private final Map<Long, I2cDevice> devices = new HashMap<>();
    private final Map<Integer, double[]> pwm = new HashMap<>();
    private final List<BiConsumer<Integer, Boolean>> lineListeners = new CopyOnWriteArrayList<>();

    public SimBoard(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public synchronized boolean readLine(int line) {
        return lines.getOrDefault(line, false);
    }

    @Override
    public void writeLine(int line, boolean high) {
        Boolean before;
        synchronized (this) {
            before = lines.put(line, high);
            if (before != null && before != high) edges.merge(line, 1L, Long::sum);
        }
        if (before == null || before != high) {
            lineListeners.forEach(l -> l.accept(line, high));
        }
    }

    @Override
    public synchronized long edges(int line) {
        return edges.getOrDefault(line, 0L);
    }

    /** Lets a model (e.g. a power rail) follow a line the agent drives. */
    public void onLineChange(BiConsumer<Integer, Boolean> listener) {
        lineListeners.add(listener);
    }

    public synchronized void attach(int bus, int address, I2cDevice device) {
        devices.put(key(bus, address), device);
    }

    /** Removes a device from the bus, as if unplugged: its transactions are no longer acknowledged. */
    public synchronized void detach(int bus, int address) {
        devices.remove(key(bus, address));
    }

    @Override
    public byte[] i2cTransfer(int bus, int address, byte[] write, int readLength) {
        I2cDevice device;
        synchronized (this) {
            device = devices.get(key(bus, address));
        }
        if (device == null) {
            throw new SimIoException(String.format("I2C bus %d: no device acknowledged at 0x%02x", bus, address));
        }
        return device.transfer(write, readLength);
    }

    @Override
    public synchronized void pwm(int channel, int frequencyHz, double dutyPercent) {
        pwm.put(channel, new double[] {frequencyHz, dutyPercent});
    }

    /** Duty cycle (0-100 %) last set on a PWM channel, 0 if never set. */
    public synchronized double pwmDuty(int channel) {
        double[] v = pwm.get(channel);
        return v == null ? 0 : v[1];
    }

    private static long key(int bus, int address) {
        return ((long) bus << 16) | address;
    }
}
