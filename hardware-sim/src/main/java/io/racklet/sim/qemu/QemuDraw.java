package io.racklet.sim.qemu;

import io.racklet.sim.power.ComputeNode;
import io.racklet.sim.power.LoadProfile;
import io.racklet.sim.power.NodeDraw;
import java.time.Duration;

/**
 * A QEMU node's draw: the Pi 4's inrush when the rail comes up, then its idle-to-full-load range
 * scaled by the CPU the QEMU process really uses (booting, idle, or a guest's busy loop). A node
 * whose QEMU is not running (halted guest, failed start) draws what a halted Pi does.
 */
public final class QemuDraw implements NodeDraw {
    private final LoadProfile pi;
    private final QemuMachine machine;

    public QemuDraw(LoadProfile pi, QemuMachine machine) {
        this.pi = pi;
        this.machine = machine;
    }

    @Override
    public double amps(Duration sinceOn, double load) {
        if (sinceOn.isNegative()) return 0;
        if (sinceOn.compareTo(pi.inrush()) < 0) return pi.amps(sinceOn, 0);
        if (!machine.running()) return ComputeNode.HALTED_AMPS;
        return pi.idleAmps() + (pi.fullLoadAmps() - pi.idleAmps()) * machine.cpuFraction();
    }

    /** Only the inrush is modelled; what follows is measured. */
    @Override
    public boolean booting(Duration sinceOn) {
        return !sinceOn.isNegative() && sinceOn.compareTo(pi.inrush()) < 0;
    }
}
