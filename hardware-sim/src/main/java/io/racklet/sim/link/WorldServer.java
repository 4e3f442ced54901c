package io.racklet.sim.link;

import io.racklet.sim.board.BoardPort;
import io.racklet.sim.board.SimIoException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the simulated world's boards to agent processes over a Unix socket (local only, no
 * network port). One thread per connected agent; the world outlives any agent.
 */
public final class WorldServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorldServer.class);
    private final Path socket;
    private final Function<String, BoardPort> boards;
    private final ServerSocketChannel server;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    private WorldServer(Path socket, Function<String, BoardPort> boards) throws IOException {
        this.socket = socket;
        this.boards = boards;
        Files.deleteIfExists(socket);
        Files.createDirectories(socket.toAbsolutePath().getParent());
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
    }

    /** Starts serving; {@code boards} maps a board name to its port, or null for an unknown name. */
    public static WorldServer start(Path socket, Function<String, BoardPort> boards) {
        try {
            WorldServer s = new WorldServer(socket, boards);
            Thread t = new Thread(s::acceptLoop, "sim-world-accept");
            t.setDaemon(true);
            t.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the simulated world on " + socket, e);
        }
    }

    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (running) {
            try {
                SocketChannel client = server.accept();
                clients.add(client);
                Thread t = new Thread(() -> serve(client), "sim-world-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (running) log.warn("simulated world: accept failed: {}", e.getMessage());
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            var in = new DataInputStream(Channels.newInputStream(client));
            var out = new DataOutputStream(Channels.newOutputStream(client));
            String name = in.readUTF();
            BoardPort board = boards.apply(name);
            if (board == null) {
                out.writeByte(WireOp.ERROR);
                out.writeUTF("no simulated board named '" + name + "'");
                return;
            }
            out.writeByte(WireOp.OK);
            while (running) {
                handle(board, in.readUnsignedByte(), in, out);
            }
        } catch (EOFException e) {
            // agent went away (exit or kill): the board keeps its state
        } catch (IOException e) {
            if (running) log.debug("simulated world: connection ended: {}", e.getMessage());
        } finally {
            clients.remove(client);
        }
    }

    private static void handle(BoardPort board, int op, DataInputStream in, DataOutputStream out) throws IOException {
        try {
            switch (op) {
                case WireOp.READ_LINE -> {
                    boolean level = board.readLine(in.readInt());
                    out.writeByte(WireOp.OK);
                    out.writeBoolean(level);
                }
                case WireOp.EDGES -> {
                    long n = board.edges(in.readInt());
                    out.writeByte(WireOp.OK);
                    out.writeLong(n);
                }
                case WireOp.WRITE_LINE -> {
                    int line = in.readInt();
                    board.writeLine(line, in.readBoolean());
                    out.writeByte(WireOp.OK);
                }
                case WireOp.I2C -> {
                    int bus = in.readInt();
                    int address = in.readInt();
                    byte[] write = new byte[bounded(in.readInt())];
                    in.readFully(write);
                    int readLength = bounded(in.readInt());
                    byte[] read = board.i2cTransfer(bus, address, write, readLength);
                    out.writeByte(WireOp.OK);
                    out.writeInt(read.length);
                    out.write(read);
                }
                case WireOp.PWM -> {
                    int channel = in.readInt();
                    int frequency = in.readInt();
                    board.pwm(channel, frequency, in.readDouble());
                    out.writeByte(WireOp.OK);
                }
                default -> throw new IOException("unknown board link operation " + op);
            }
        } catch (SimIoException e) {
            out.writeByte(WireOp.ERROR);
            out.writeUTF(e.getMessage());
        }
        out.flush();
    }

    private static int bounded(int n) throws IOException {
        if (n < 0 || n > WireOp.MAX_TRANSFER) throw new IOException("transfer length out of range: " + n);
        return n;
    }

    @Override
    public void close() {
        running = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        clients.forEach(c -> {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
        try {
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // leftover socket file is replaced on next start
        }
    }
}
