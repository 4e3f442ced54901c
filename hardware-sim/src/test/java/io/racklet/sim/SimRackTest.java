package io.racklet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.racklet.sim.board.BoardPort;
import io.racklet.sim.board.SimIoException;
import io.racklet.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimRackTest {
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    private final SimRack rack = new SimRack(clock);

    @Test
    void activeHighEnableLineSwitchesTheNode() {
        rack.addNode("node-1", BmcWiring.DEFAULT, 1);
        BoardPort board = rack.board("node-1");
        assertThat(board.readLine(17)).isFalse();
        assertThat(rack.node("node-1").powered()).isFalse();

        board.writeLine(17, true);
        assertThat(rack.node("node-1").powered()).isTrue();

        board.writeLine(17, false);
        assertThat(rack.node("node-1").powered()).isFalse();
    }

    @Test
    void activeLowEnableLineStartsHighWithTheNodeOffAndLowSwitchesItOn() {
        rack.addNode("node-1", BmcWiring.DEFAULT.withEnableActiveHigh(false), 1);
        BoardPort board = rack.board("node-1");
        assertThat(board.readLine(17)).isTrue();
        assertThat(rack.node("node-1").powered()).isFalse();

        board.writeLine(17, false);
        assertThat(rack.node("node-1").powered()).isTrue();

        board.writeLine(17, true);
        assertThat(rack.node("node-1").powered()).isFalse();
    }

    @Test
    void otherLinesDoNotSwitchTheNode() {
        rack.addNode("node-1", BmcWiring.DEFAULT, 1);
        rack.board("node-1").writeLine(18, true);
        assertThat(rack.node("node-1").powered()).isFalse();
    }

    @Test
    void nodesAreIndependent() {
        rack.addNode("node-1", BmcWiring.DEFAULT, 1).addNode("node-2", BmcWiring.DEFAULT, 2);
        rack.board("node-1").writeLine(17, true);
        assertThat(rack.node("node-1").powered()).isTrue();
        assertThat(rack.node("node-2").powered()).isFalse();
        assertThat(rack.nodeNames()).containsExactly("node-1", "node-2");
    }

    @Test
    void monitorAtTheWiredAddressMeasuresTheNode() {
        rack.addNode("node-1", BmcWiring.DEFAULT, 1);
        BoardPort board = rack.board("node-1");
        assertThat(board.i2cTransfer(1, 0x40, new byte[] {0x00}, 2)).containsExactly(0x39, 0x9F);

        board.writeLine(17, true);
        clock.advance(Duration.ofSeconds(30));
        byte[] bus = board.i2cTransfer(1, 0x40, new byte[] {0x02}, 2);
        double volts = ((((bus[0] & 0xFF) << 8) | (bus[1] & 0xFF)) >> 3) * 0.004;
        assertThat(volts).isCloseTo(rack.node("node-1").volts(), within(0.02));
        assertThat(rack.monitor("node-1")).isNotNull();
    }

    @Test
    void unwiredAddressOrBusDoesNotAcknowledge() {
        rack.addNode("node-1", BmcWiring.DEFAULT, 1);
        BoardPort board = rack.board("node-1");
        assertThatThrownBy(() -> board.i2cTransfer(1, 0x41, new byte[] {0x00}, 2))
                .isInstanceOf(SimIoException.class)
                .hasMessage("I2C bus 1: no device acknowledged at 0x41");
        assertThatThrownBy(() -> board.i2cTransfer(0, 0x40, new byte[] {0x00}, 2)).isInstanceOf(SimIoException.class);
    }

    @Test
    void rmcBoardExistsAndUnknownBoardsDoNot() {
        assertThat(rack.board("rmc")).isNotNull();
        assertThat(rack.board("node-9")).isNull();
        assertThat(rack.node("rmc")).isNull();
    }

    @Test
    void resetLineIdlesHighAndLowRestartsAPoweredNode() {
        rack.addNode("node-1", BmcWiring.DEFAULT, 1);
        BoardPort board = rack.board("node-1");
        assertThat(BmcWiring.DEFAULT.resetLine()).isEqualTo(27);
        assertThat(board.readLine(27)).as("reset released").isTrue();

        board.writeLine(17, true);
        Instant firstBoot = rack.node("node-1").poweredOnAt();
        clock.advance(Duration.ofSeconds(30));
        List<Boolean> heard = new ArrayList<>();
        rack.node("node-1").onPowerChange(heard::add);

        board.writeLine(27, false);

        assertThat(rack.node("node-1").powered()).isTrue();
        assertThat(rack.node("node-1").poweredOnAt()).isEqualTo(clock.instant()).isAfter(firstBoot);
        assertThat(rack.node("node-1").amps()).as("boots from scratch: inrush again").isGreaterThan(2.0);
        assertThat(heard).as("the console sees a new boot").containsExactly(false, true);

        clock.advance(Duration.ofMillis(500));
        board.writeLine(27, true); // release: nothing else happens
        assertThat(rack.node("node-1").poweredOnAt()).isEqualTo(clock.instant().minusMillis(500));
    }

    @Test
    void resetOfAnUnpoweredNodeDoesNotPowerItOn() {
        rack.addNode("node-1", BmcWiring.DEFAULT, 1);
        rack.board("node-1").writeLine(27, false);
        assertThat(rack.node("node-1").powered()).isFalse();
    }
}
