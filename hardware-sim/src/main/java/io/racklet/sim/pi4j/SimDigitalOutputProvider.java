package io.racklet.sim.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputBase;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalOutputProvider;
import com.pi4j.io.gpio.digital.DigitalOutputProviderBase;
import com.pi4j.io.gpio.digital.DigitalState;
import io.racklet.sim.board.BoardPort;

/** Digital outputs that drive the simulated board's lines and read back their real level. */
public final class SimDigitalOutputProvider extends DigitalOutputProviderBase {
    public static final String ID = "racklet-sim-digital-output";
    private final BoardPort board;

    public SimDigitalOutputProvider(BoardPort board) {
        super(ID, "Racklet simulated digital output");
        this.board = board;
    }

    @Override
    public int getPriority() {
        return 2000;
    }

    @Override
    public DigitalOutput create(DigitalOutputConfig config) {
        DigitalOutput output = new SimDigitalOutput(this, config, board);
        context.registry().add(output);
        return output;
    }

    /** Level is read from the line each time, like reading a GPIO value file: no cached guess. */
    static final class SimDigitalOutput extends DigitalOutputBase {
        private final BoardPort board;

        SimDigitalOutput(DigitalOutputProvider provider, DigitalOutputConfig config, BoardPort board) {
            super(provider, config);
            this.board = board;
        }

        @Override
        public DigitalOutput state(DigitalState state) {
            board.writeLine(config().address(), state.isHigh());
            return super.state(state);
        }

        @Override
        public DigitalState state() {
            return DigitalState.getState(board.readLine(config().address()));
        }
    }
}
