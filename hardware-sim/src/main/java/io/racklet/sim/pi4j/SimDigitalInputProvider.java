package io.racklet.sim.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputBase;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalInputProviderBase;
import com.pi4j.io.gpio.digital.DigitalState;
import io.racklet.sim.board.BoardPort;

/** Digital inputs that read the simulated board's lines. */
public final class SimDigitalInputProvider extends DigitalInputProviderBase {
    public static final String ID = "racklet-sim-digital-input";
    private final BoardPort board;

    public SimDigitalInputProvider(BoardPort board) {
        super(ID, "Racklet simulated digital input");
        this.board = board;
    }

    @Override
    public int getPriority() {
        return 2000;
    }

    @Override
    public DigitalInput create(DigitalInputConfig config) {
        DigitalInput input = new SimDigitalInput(this, config, board);
        context.registry().add(input);
        return input;
    }

    static final class SimDigitalInput extends DigitalInputBase {
        private final BoardPort board;

        SimDigitalInput(DigitalInputProvider provider, DigitalInputConfig config, BoardPort board) {
            super(provider, config);
            this.board = board;
        }

        @Override
        public DigitalState state() {
            return DigitalState.getState(board.readLine(config().address()));
        }
    }
}
