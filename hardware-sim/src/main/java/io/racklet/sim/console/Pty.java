package io.racklet.sim.console;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A Unix pseudo-terminal from libc (posix_openpt), through JNA. The simulator holds the master
 * side; an agent opens the slave side ({@link #slave()}) with its real serial library, as it would
 * open a UART. The master is non-blocking: output nobody reads is dropped, like on a real wire.
 */
public final class Pty implements AutoCloseable {
    private static final int O_RDWR = 2, O_NOCTTY = 0400, O_NONBLOCK = 04000, F_GETFL = 3, F_SETFL = 4;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        String ptsname(int fd);

        NativeLong read(int fd, byte[] buf, NativeLong count);

        NativeLong write(int fd, byte[] buf, NativeLong count);

        int fcntl(int fd, int cmd, int arg);

        int close(int fd);
    }

    private final int master;
    private final Path slave;
    private volatile boolean closed;

    private Pty(int master, Path slave) {
        this.master = master;
        this.slave = slave;
    }

    public static Pty open() throws IOException {
        LibC c = LibC.INSTANCE;
        int fd = c.posix_openpt(O_RDWR | O_NOCTTY);
        if (fd < 0) throw new IOException("posix_openpt failed: errno " + Native.getLastError());
        if (c.grantpt(fd) != 0 || c.unlockpt(fd) != 0) {
            c.close(fd);
            throw new IOException("cannot unlock pseudo-terminal: errno " + Native.getLastError());
        }
        c.fcntl(fd, F_SETFL, c.fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
        Pty pty = new Pty(fd, Path.of(c.ptsname(fd)));
        pty.makeRaw();
        return pty;
    }

    /** No echo, no line editing, no CR/LF translation: bytes pass as on a UART. */
    private void makeRaw() {
        try {
            Process p = new ProcessBuilder("stty", "-F", slave.toString(), "raw", "-echo").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException e) {
            // without stty the agent's serial library still sets raw mode when it opens the slave
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path slave() {
        return slave;
    }

    /** Bytes the other side wrote, or an empty array if none are waiting. */
    public byte[] read() {
        if (closed) return new byte[0];
        byte[] buf = new byte[4096];
        long n = LibC.INSTANCE.read(master, buf, new NativeLong(buf.length)).longValue();
        if (n <= 0) return new byte[0];
        return java.util.Arrays.copyOf(buf, (int) n);
    }

    /** @return how many bytes were accepted; fewer when nobody drains the other side */
    public int write(byte[] data) {
        if (closed) return 0;
        long n = LibC.INSTANCE.write(master, data, new NativeLong(data.length)).longValue();
        return (int) Math.max(0, n);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LibC.INSTANCE.close(master);
        }
    }
}
