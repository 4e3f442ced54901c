package io.racklet.sim.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputBase;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalInputProviderBase;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import io.racklet.sim.board.BoardPort;
import io.racklet.sim.board.SimBoard;

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

    /**
     * Edges reach listeners as Pi4J events, as from a real GPIO interrupt: in the same process at
     * once (deterministic in virtual time), across the world's socket by polling the line's edge
     * count every 10 ms and replaying the edges that happened.
     */
    static final class SimDigitalInput extends DigitalInputBase {
        private final BoardPort board;
        private volatile boolean open = true;

        SimDigitalInput(DigitalInputProvider provider, DigitalInputConfig config, BoardPort board) {
            super(provider, config);
            this.board = board;
            int address = config.address();
            if (board instanceof SimBoard local) {
                local.onLineChange((line, high) -> {
                    if (open && line == address) dispatch(new DigitalStateChangeEvent<>(this, DigitalState.getState(high)));
                });
            } else {
                Thread poller = new Thread(() -> pollEdges(address), "sim-gpio-edges-" + address);
                poller.setDaemon(true);
                poller.start();
            }
        }

        private void pollEdges(int address) {
            long seen = board.edges(address);
            while (open) {
                try {
                    Thread.sleep(10);
                    long now = board.edges(address);
                    boolean level = board.readLine(address);
                    // replay each edge; the last one leaves the line where it is now
                    for (long i = now - seen; i > 0; i--) {
                        dispatch(new DigitalStateChangeEvent<>(this, DigitalState.getState(i % 2 == 1 ? level : !level)));
                    }
                    seen = now;
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the world went away: the line is dead, like a cut wire
                }
            }
        }

        @Override
        public DigitalInput shutdown(com.pi4j.context.Context context) {
            open = false;
            return super.shutdown(context);
        }

        @Override
        public DigitalState state() {
            return DigitalState.getState(board.readLine(config().address()));
        }
    }
}
