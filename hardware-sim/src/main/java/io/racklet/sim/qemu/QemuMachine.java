package io.racklet.sim.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One QEMU process as a compute node: power on starts it network-booting (iPXE over HTTP through
 * QEMU's user network, see {@link QemuSettings.Firmware}), reset and off go through QMP, its serial console is a
 * pseudo-terminal that QEMU creates, linked at a stable path for the BMC. Each power-on is a new
 * process, so the console link is re-pointed at each one, and removed while the node is off. Power changes run in order on one thread.
 */
public final class QemuMachine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QemuMachine.class);
    /** USER_HZ: the unit of /proc/<pid>/stat's CPU times on Linux. */
    private static final double CLOCK_TICKS = 100;
    private static final String CONSOLE_ID = "console";

    private final String name;
    private final QemuSettings settings;
    private final Path consoleLink;
    private final ExecutorService power;
    private volatile Process process;
    private volatile Qmp qmp;
    private long sampledTicks = -1, sampledAtNanos;
    private double cpuFraction;

    /**
     * @param consoleLink where the BMC opens the node's console: a link to QEMU's pseudo-terminal
     */
    public QemuMachine(String name, QemuSettings settings, Path consoleLink) {
        this.name = name;
        this.settings = settings;
        this.consoleLink = consoleLink;
        this.power = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qemu-power-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    public String name() {
        return name;
    }

    public Path consoleLink() {
        return consoleLink;
    }

    /** Starts QEMU (restarting it if it runs); returns when it runs and its console is linked. */
    public Future<?> powerOn() {
        return power.submit(() -> {
            stop();
            try {
                start();
            } catch (IOException e) {
                log.error("QEMU node {} did not start: {}", name, e.getMessage());
                stop();
            }
            return null;
        });
    }

    /** Quits QEMU through QMP (killing it if it does not go). */
    public Future<?> powerOff() {
        return power.submit(() -> {
            stop();
            return null;
        });
    }

    /** The reset line: QMP system_reset, the guest reboots (and network-boots again). */
    public Future<?> reset() {
        return power.submit(() -> {
            command("system_reset");
            return null;
        });
    }

    /** The shutdown line: an ACPI power button press (QMP system_powerdown). */
    public Future<?> powerdown() {
        return power.submit(() -> {
            command("system_powerdown");
            return null;
        });
    }

    private void command(String command) {
        Qmp q = qmp;
        if (q == null) return;
        try {
            q.execute(command, null);
        } catch (IOException e) {
            log.warn("QEMU node {}: {} failed: {}", name, command, e.getMessage());
        }
    }

    public boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The running QEMU's process id, or -1. */
    public long pid() {
        Process p = process;
        return p != null && p.isAlive() ? p.pid() : -1;
    }

    /**
     * The share of one host core QEMU used since the last call (at most every 500 ms), from
     * /proc/&lt;pid&gt;/stat: the guest's single vCPU thread busy means 1, a halted idle guest near 0.
     */
    public synchronized double cpuFraction() {
        long pid = pid();
        if (pid < 0) {
            sampledTicks = -1;
            return cpuFraction = 0;
        }
        long now = System.nanoTime();
        if (sampledTicks >= 0 && now - sampledAtNanos < 500_000_000L) return cpuFraction;
        long ticks = cpuTicks(pid);
        if (ticks < 0) return cpuFraction;
        if (sampledTicks >= 0 && ticks >= sampledTicks) {
            double seconds = (ticks - sampledTicks) / CLOCK_TICKS;
            cpuFraction = Math.max(0, Math.min(1, seconds / ((now - sampledAtNanos) / 1e9)));
        }
        sampledTicks = ticks;
        sampledAtNanos = now;
        return cpuFraction;
    }

    /** utime + stime of a process, in clock ticks; -1 if it is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name (field 2) may hold spaces: count fields from its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    List<String> commandLine(Path qmpSocket) {
        List<String> c = new ArrayList<>(List.of(settings.binary(),
                "-name", "racklet-" + name,
                "-m", Integer.toString(settings.memoryMb()),
                "-display", "none", "-vga", "none", "-monitor", "none", "-parallel", "none",
                "-chardev", "pty,id=" + CONSOLE_ID, "-serial", "chardev:" + CONSOLE_ID,
                "-qmp", "unix:" + qmpSocket + ",server=on,wait=off"));
        if (settings.firmware() == QemuSettings.Firmware.NIC_ROM) {
            c.addAll(List.of("-boot", "n",
                    "-netdev", "user,id=n0,bootfile=" + settings.guestBootUrl(),
                    "-device", "virtio-net-pci,netdev=n0"));
        } else {
            // iPXE runs its kernel command line as a script; a system_reset runs it again
            c.addAll(List.of("-netdev", "user,id=n0",
                    "-device", "virtio-net-pci,netdev=n0,romfile=",
                    "-kernel", QemuSettings.IPXE_KERNEL.toString(),
                    "-append", "set net0/ip " + QemuSettings.GUEST_ADDRESS + " && set net0/netmask 255.255.255.0 && set net0/gateway "
                            + QemuSettings.HOST_FROM_GUEST + " && ifopen net0 && chain " + settings.guestBootUrl()));
        }
        return c;
    }

    private void start() throws IOException {
        Files.createDirectories(settings.workDir());
        Path socket = settings.workDir().resolve(name + ".qmp");
        Files.deleteIfExists(socket);
        Path logFile = settings.workDir().resolve(name + ".qemu.log");
        ProcessBuilder pb = new ProcessBuilder(commandLine(socket)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (settings.firmware() == QemuSettings.Firmware.IPXE_KERNEL && !Files.isRegularFile(QemuSettings.IPXE_KERNEL)) {
            throw new IOException(QemuSettings.IPXE_KERNEL + " is missing (apt-get install ipxe)");
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(settings.binary() + " cannot be started (apt-get install qemu-system-x86): " + e.getMessage(), e);
        }
        process = p;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket)) {
            if (!p.isAlive()) throw new IOException("QEMU exited at start (code " + p.exitValue() + "); see " + logFile);
            if (System.nanoTime() > deadline) throw new IOException("QEMU opened no QMP socket within 20 s; see " + logFile);
            sleep(20);
        }
        Qmp q = Qmp.connect(socket);
        qmp = q;
        linkConsole(ptyOf(q));
        log.info("QEMU node {} powered on (pid {}), booting from {}", name, p.pid(), settings.guestBootUrl());
    }

    private static String ptyOf(Qmp q) throws IOException {
        for (JsonNode c : q.execute("query-chardev", null)) {
            if (CONSOLE_ID.equals(c.path("label").asText()) && c.path("filename").asText().startsWith("pty:")) {
                return c.path("filename").asText().substring(4);
            }
        }
        throw new IOException("QEMU reports no pseudo-terminal for its serial console");
    }

    /** Re-points the link atomically: the BMC never sees a half-made one. */
    private void linkConsole(String pty) throws IOException {
        Files.createDirectories(consoleLink.toAbsolutePath().getParent());
        Path tmp = consoleLink.resolveSibling(consoleLink.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, Path.of(pty));
        Files.move(tmp, consoleLink, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void stop() {
        Process p = process;
        Qmp q = qmp;
        qmp = null;
        if (q != null) {
            try {
                q.execute("quit", null);
            } catch (IOException e) {
                // it may already be gone; the process is ended below either way
            }
            q.close();
        }
        if (p != null) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            log.info("QEMU node {} powered off", name);
        }
        process = null;
        try {
            // its pseudo-terminal is gone, and its number may soon be another process's: the BMC
            // must find no console (it retries) rather than open a stranger's
            Files.deleteIfExists(consoleLink);
        } catch (IOException e) {
            log.warn("QEMU node {}: cannot remove console link {}: {}", name, consoleLink, e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Powers off and stops the power thread; QEMU never outlives the simulation. */
    @Override
    public void close() {
        try {
            powerOff().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            Process p = process;
            if (p != null) p.destroyForcibly();
        }
        power.shutdownNow();
    }
}
