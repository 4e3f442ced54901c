package io.racklet.sim.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.provider.Provider;
import io.racklet.sim.board.BoardPort;

/** Builds Pi4J contexts whose every IO is served by one simulated board. */
public final class SimPi4j {
    private SimPi4j() {}

    public static Provider[] providers(BoardPort board) {
        return new Provider[] {
            new SimDigitalOutputProvider(board),
            new SimDigitalInputProvider(board),
            new SimI2CProvider(board),
            new SimPwmProvider(board)
        };
    }

    /** A context for in-process use (tests, benchmarks): agent code gets it like any Pi4J context. */
    public static Context context(BoardPort board) {
        return Pi4J.newContextBuilder().add(new SimPlatform()).add(providers(board)).build();
    }
}
