package io.racklet.sim.console;

import io.racklet.sim.power.ComputeNode;
import io.racklet.time.Scheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated node's serial console on a pseudo-terminal: at each power-on it prints a Linux-like
 * boot log over the boot time, then the ready marker and a login prompt, and it answers typed
 * lines like a tiny shell. The slave side is linked at a stable path for the agent's config.
 */
public final class NodeConsole implements AutoCloseable {
    public static final String READY_MARKER = "racklet-node ready";
    private final String node;
    private final ComputeNode compute;
    private final Scheduler scheduler;
    private final Duration bootTime;
    private final Path link;
    private final List<Scheduler.Cancellable> pendingLines = new ArrayList<>();
    private final StringBuilder typed = new StringBuilder();
    private final AtomicLong droppedBytes = new AtomicLong();
    private volatile Pty pty;
    private volatile boolean running = true;

    public NodeConsole(String node, ComputeNode compute, Scheduler scheduler, Duration bootTime, Path link) throws IOException {
        this.node = node;
        this.compute = compute;
        this.scheduler = scheduler;
        this.bootTime = bootTime;
        this.link = link;
        attach();
        compute.onPowerChange(on -> {
            if (on) boot();
            else halt();
        });
        Thread t = new Thread(this::inputLoop, "sim-console-" + node);
        t.setDaemon(true);
        t.start();
    }

    /** Where the agent opens the console (a symlink to the pseudo-terminal's slave). */
    public Path device() {
        return link;
    }

    /** The console device disappears, as an unplugged USB-serial adapter does. */
    public synchronized void unplug() throws IOException {
        Files.deleteIfExists(link);
        if (pty != null) pty.close();
        pty = null;
    }

    /** The device comes back (a new pseudo-terminal at the same link). */
    public synchronized void plugIn() throws IOException {
        if (pty == null) attach();
    }

    private void attach() throws IOException {
        pty = Pty.open();
        Files.createDirectories(link.toAbsolutePath().getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, pty.slave());
    }

    public long droppedBytes() {
        return droppedBytes.get();
    }

    private synchronized void boot() {
        halt();
        List<String> lines = bootLog();
        long step = bootTime.toMillis() / (lines.size() + 1);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            pendingLines.add(scheduler.schedule(Duration.ofMillis(step * (i + 1)), () -> print(line + "\r\n")));
        }
        pendingLines.add(scheduler.schedule(bootTime, () -> print(READY_MARKER + "\r\n\r\n" + node + " login: ")));
    }

    /** The OS shuts down: it says so, and halts after {@code after}. */
    public synchronized void shutdown(Duration after) {
        halt();
        print("\r\n[  OK  ] Stopping all services... (shutdown requested)\r\n");
        pendingLines.add(scheduler.schedule(after, () -> print("reboot: Power down\r\n")));
    }

    private synchronized void halt() {
        pendingLines.forEach(Scheduler.Cancellable::cancel);
        pendingLines.clear();
    }

    private List<String> bootLog() {
        List<String> l = new ArrayList<>();
        double t = 0;
        for (String s : List.of(
                "Booting Linux on physical CPU 0x0000000000 [0x410fd083]",
                "Linux version 6.1.0-racklet-sim (racklet@sim) (gcc 12.2.0) #1 SMP PREEMPT",
                "Machine model: Raspberry Pi 4 Model B Rev 1.5",
                "Memory: 3930624K/4050944K available",
                "smp: Brought up 1 node, 4 CPUs",
                "bcm2835-dma fe007000.dma: DMA legacy API manager",
                "mmc0: new ultra high speed DDR50 SDHC card at address 0001",
                "EXT4-fs (mmcblk0p2): mounted filesystem with ordered data mode",
                "Run /sbin/init as init process",
                "systemd[1]: Detected architecture arm64.",
                "systemd[1]: Hostname set to <" + "%s>.",
                "[  OK  ] Reached target Local File Systems.",
                "[  OK  ] Started Network Time Synchronization.",
                "bcmgenet fd580000.ethernet eth0: Link is Up - 1Gbps/Full",
                "[  OK  ] Reached target Network is Online.",
                "[  OK  ] Started OpenBSD Secure Shell server.",
                "[  OK  ] Reached target Multi-User System.")) {
            t += 0.37 + l.size() * 0.11;
            l.add(String.format("[%12.6f] %s", t, s.formatted(node)));
        }
        return l;
    }

    private synchronized void print(String text) {
        Pty p = pty;
        if (p == null) return;
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int n = p.write(b);
        if (n < b.length) droppedBytes.addAndGet(b.length - n);
    }

    /** Echoes what is typed and answers each line like a very small shell. */
    private void inputLoop() {
        while (running) {
            Pty p = pty;
            byte[] in = p == null ? new byte[0] : p.read();
            if (in.length == 0) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            for (byte b : in) {
                char c = (char) (b & 0xFF);
                if (c == '\r' || c == '\n') {
                    String cmd = typed.toString().trim();
                    typed.setLength(0);
                    print("\r\n" + answer(cmd) + "$ ");
                } else {
                    typed.append(c);
                    print(String.valueOf(c));
                }
            }
        }
    }

    private String answer(String cmd) {
        return switch (cmd) {
            case "" -> "";
            case "uname -a" -> "Linux " + node + " 6.1.0-racklet-sim #1 SMP PREEMPT aarch64 GNU/Linux\r\n";
            case "hostname" -> node + "\r\n";
            // load the CPU, as stress-ng would: the node draws more power and heats the rack
            case "stress" -> {
                compute.setLoad(1.0);
                yield "stress: loading 4 CPUs until 'idle'\r\n";
            }
            case "idle" -> {
                compute.setLoad(0);
                yield "stress: stopped\r\n";
            }
            default -> "sh: " + cmd.split(" ")[0] + ": not found\r\n";
        };
    }

    @Override
    public synchronized void close() {
        running = false;
        halt();
        if (pty != null) pty.close();
        try {
            Files.deleteIfExists(link);
        } catch (IOException ignored) {
            // leftover link is replaced next time
        }
    }
}
