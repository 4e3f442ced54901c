package io.racklet.sim.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.i2c.I2C;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.board.SimBoard;
import io.racklet.sim.board.SimIoException;
import io.racklet.sim.pi4j.SimPi4j;
import io.racklet.time.ManualScheduler;
import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boards served over a Unix socket, as agent processes use them. */
class WorldServerTest {
    @TempDir
    Path dir;

    private final SimRack rack = new SimRack(new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z")))
            .addNode("node-1", BmcWiring.DEFAULT, 1);
    private WorldServer world;
    private Path socket;

    @BeforeEach
    void start() {
        socket = dir.resolve("world.sock");
        world = WorldServer.start(socket, rack::board);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void linesI2cAndPwmWorkThroughTheSocket() {
        RemoteBoard board = RemoteBoard.connect(socket, "node-1");

        board.writeLine(17, true);
        assertThat(rack.node("node-1").powered()).isTrue();
        assertThat(board.readLine(17)).isTrue();
        assertThat(board.readLine(18)).isFalse();

        assertThat(board.i2cTransfer(1, 0x40, new byte[] {0x00}, 2)).containsExactly(0x39, 0x9F);
        board.i2cTransfer(1, 0x40, new byte[] {0x05, 0x10, 0x00}, 0);
        assertThat(rack.monitor("node-1").transfer(new byte[] {0x05}, 2)).containsExactly(0x10, 0x00);

        board.pwm(0, 25_000, 35.5);
        assertThat(((SimBoard) rack.board("node-1")).pwmDuty(0)).isEqualTo(35.5);
    }

    @Test
    void busErrorsCrossTheSocketAndTheLinkSurvivesThem() {
        RemoteBoard board = RemoteBoard.connect(socket, "node-1");
        assertThatThrownBy(() -> board.i2cTransfer(1, 0x41, new byte[] {0x00}, 2))
                .isInstanceOf(SimIoException.class)
                .hasMessage("I2C bus 1: no device acknowledged at 0x41");
        assertThat(board.i2cTransfer(1, 0x40, new byte[] {0x00}, 2)).hasSize(2);
    }

    @Test
    void pi4jThroughTheSocket() {
        Context ctx = SimPi4j.context(RemoteBoard.connect(socket, "node-1"));
        try {
            DigitalOutput enable = ctx.create(DigitalOutput.newConfigBuilder(ctx).id("enable").address(17).build());
            enable.high();
            assertThat(rack.node("node-1").powered()).isTrue();

            I2C ina = ctx.create(I2C.newConfigBuilder(ctx).id("ina").bus(1).device(0x40).build());
            byte[] b = new byte[2];
            ina.readRegister(0, b, 0, 2);
            assertThat(b).containsExactly(0x39, 0x9F);

            I2C absent = ctx.create(I2C.newConfigBuilder(ctx).id("absent").bus(1).device(0x41).build());
            assertThatThrownBy(() -> absent.readRegister(0, new byte[2], 0, 2))
                    .isInstanceOf(com.pi4j.io.exception.IOException.class);
        } finally {
            ctx.shutdown();
        }
    }

    @Test
    void unknownBoardIsRefusedWithItsName() {
        assertThatThrownBy(() -> RemoteBoard.connect(socket, "node-9"))
                .isInstanceOf(SimIoException.class)
                .hasMessage("no simulated board named 'node-9'");
    }

    @Test
    void boardStateOutlivesTheAgentsConnection() throws Exception {
        RemoteBoard first = RemoteBoard.connect(socket, "node-1");
        first.writeLine(17, true);

        // an agent killed mid-request: the connection drops after half an operation
        try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(raw));
            out.writeUTF("node-1");
            out.writeByte(WireOp.WRITE_LINE);
            out.writeShort(0); // half of the line number
            out.flush();
        }

        RemoteBoard second = RemoteBoard.connect(socket, "node-1");
        assertThat(second.readLine(17)).isTrue();
        assertThat(rack.node("node-1").powered()).isTrue();
        // the first connection is still served too
        assertThat(first.readLine(17)).isTrue();
    }

    @Test
    void vanishedWorldLooksLikeFailingHardware() {
        RemoteBoard board = RemoteBoard.connect(socket, "node-1");
        world.close();
        assertThatThrownBy(() -> board.readLine(17))
                .isInstanceOf(SimIoException.class)
                .hasMessageStartingWith("simulated hardware unreachable");
    }

    @Test
    void unreachableWorldIsReportedWithItsPath() {
        Path nowhere = dir.resolve("nowhere.sock");
        assertThatThrownBy(() -> RemoteBoard.connect(nowhere, "node-1"))
                .hasMessageContaining(nowhere.toString());
    }
}
