package io.racklet.sim.board;

import java.util.HashMap;
import java.util.Map;

/** Faults a test can inject into a register model: NACKed transactions and garbage register values. */
public final class RegisterFaults {
    private int failuresToInject;
    private final Map<Integer, Integer> stuck = new HashMap<>();

    /** The next {@code n} transactions are not acknowledged, as with a loose wire or bus glitch. */
    public synchronized void failNext(int n) {
        failuresToInject = n;
    }

    /** Every transaction fails until {@link #clear()}: the part is gone. */
    public synchronized void failAlways() {
        failuresToInject = Integer.MAX_VALUE;
    }

    /** The register reads {@code value} until cleared, whatever the part measures. */
    public synchronized void stick(int register, int value) {
        stuck.put(register, value & 0xFFFF);
    }

    public synchronized void clear() {
        failuresToInject = 0;
        stuck.clear();
    }

    public synchronized void beforeTransfer(String part) {
        if (failuresToInject > 0) {
            if (failuresToInject != Integer.MAX_VALUE) failuresToInject--;
            throw new SimIoException("I2C: " + part + " did not acknowledge (injected fault)");
        }
    }

    public synchronized int override(int register, int value) {
        return stuck.getOrDefault(register, value);
    }
}
