package io.racklet.sim.pi4j;

import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmBase;
import com.pi4j.io.pwm.PwmConfig;
import com.pi4j.io.pwm.PwmProvider;
import com.pi4j.io.pwm.PwmProviderBase;
import io.racklet.sim.board.BoardPort;

/** PWM channels of the simulated board (fan drives). */
public final class SimPwmProvider extends PwmProviderBase {
    public static final String ID = "racklet-sim-pwm";
    private final BoardPort board;

    public SimPwmProvider(BoardPort board) {
        super(ID, "Racklet simulated PWM");
        this.board = board;
    }

    @Override
    public int getPriority() {
        return 2000;
    }

    @Override
    public Pwm create(PwmConfig config) {
        Pwm pwm = new SimPwm(this, config, board);
        context.registry().add(pwm);
        return pwm;
    }

    static final class SimPwm extends PwmBase {
        private final BoardPort board;

        SimPwm(PwmProvider provider, PwmConfig config, BoardPort board) {
            super(provider, config);
            this.board = board;
        }

        @Override
        public Pwm on() {
            onState = true;
            board.pwm(config.address(), frequency, dutyCycle);
            return this;
        }

        @Override
        public Pwm off() {
            onState = false;
            board.pwm(config.address(), frequency, 0);
            return this;
        }
    }
}
