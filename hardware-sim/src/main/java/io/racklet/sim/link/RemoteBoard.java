package io.racklet.sim.link;

import io.racklet.sim.board.BoardPort;
import io.racklet.sim.board.SimIoException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** An agent process's link to its board in the simulated world ({@link WorldServer}). */
public final class RemoteBoard implements BoardPort {
    private final DataInputStream in;
    private final DataOutputStream out;

    private RemoteBoard(SocketChannel channel) {
        in = new DataInputStream(Channels.newInputStream(channel));
        out = new DataOutputStream(Channels.newOutputStream(channel));
    }

    public static RemoteBoard connect(Path socket, String boardName) {
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            RemoteBoard board = new RemoteBoard(channel);
            board.out.writeUTF(boardName);
            board.out.flush();
            board.status();
            return board;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the simulated world at " + socket, e);
        }
    }

    @Override
    public synchronized boolean readLine(int line) {
        try {
            out.writeByte(WireOp.READ_LINE);
            out.writeInt(line);
            out.flush();
            status();
            return in.readBoolean();
        } catch (IOException e) {
            throw lost(e);
        }
    }

    @Override
    public synchronized long edges(int line) {
        try {
            out.writeByte(WireOp.EDGES);
            out.writeInt(line);
            out.flush();
            status();
            return in.readLong();
        } catch (IOException e) {
            throw lost(e);
        }
    }

    @Override
    public synchronized void writeLine(int line, boolean high) {
        try {
            out.writeByte(WireOp.WRITE_LINE);
            out.writeInt(line);
            out.writeBoolean(high);
            out.flush();
            status();
        } catch (IOException e) {
            throw lost(e);
        }
    }

    @Override
    public synchronized byte[] i2cTransfer(int bus, int address, byte[] write, int readLength) {
        try {
            out.writeByte(WireOp.I2C);
            out.writeInt(bus);
            out.writeInt(address);
            out.writeInt(write.length);
            out.write(write);
            out.writeInt(readLength);
            out.flush();
            status();
            byte[] read = new byte[in.readInt()];
            in.readFully(read);
            return read;
        } catch (IOException e) {
            throw lost(e);
        }
    }

    @Override
    public synchronized void pwm(int channel, int frequencyHz, double dutyPercent) {
        try {
            out.writeByte(WireOp.PWM);
            out.writeInt(channel);
            out.writeInt(frequencyHz);
            out.writeDouble(dutyPercent);
            out.flush();
            status();
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private void status() throws IOException {
        if (in.readUnsignedByte() != WireOp.OK) {
            throw new SimIoException(in.readUTF());
        }
    }

    /** The world is gone: to the agent this looks like the hardware failing, which it handles. */
    private static SimIoException lost(IOException e) {
        return new SimIoException("simulated hardware unreachable: " + e.getMessage());
    }
}
