package io.racklet.sim.pi4j;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CBusBase;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.io.i2c.I2CProviderBase;
import io.racklet.sim.board.BoardPort;
import io.racklet.sim.board.SimIoException;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * I2C devices on the simulated board's buses. Every Pi4J read and write becomes one bus
 * transaction (pointer write, then read), so drivers talk to register models exactly as to parts.
 */
public final class SimI2CProvider extends I2CProviderBase {
    public static final String ID = "racklet-sim-i2c";
    private final BoardPort board;

    public SimI2CProvider(BoardPort board) {
        super(ID, "Racklet simulated I2C");
        this.board = board;
    }

    @Override
    public int getPriority() {
        return 2000;
    }

    @Override
    public I2C create(I2CConfig config) {
        I2C i2c = new SimI2C(this, config, board);
        context.registry().add(i2c);
        return i2c;
    }

    static final class SimBus extends I2CBusBase {
        SimBus(I2CConfig config) {
            super(config);
        }

        @Override
        public <R> R execute(I2C i2c, Callable<R> action) {
            return _execute(i2c, action);
        }
    }

    static final class SimI2C extends I2CBase<SimBus> {
        private static final byte[] NONE = new byte[0];
        private final BoardPort board;

        SimI2C(I2CProvider provider, I2CConfig config, BoardPort board) {
            super(provider, config, new SimBus(config));
            this.board = board;
        }

        private byte[] transfer(byte[] write, int readLength) {
            try {
                return board.i2cTransfer(config.bus(), config.device(), write, readLength);
            } catch (SimIoException e) {
                throw new IOException(e.getMessage());
            }
        }

        private static byte[] concat(byte[] prefix, byte[] data, int offset, int length) {
            byte[] out = Arrays.copyOf(prefix, prefix.length + length);
            System.arraycopy(data, offset, out, prefix.length, length);
            return out;
        }

        @Override
        public int write(byte b) {
            transfer(new byte[] {b}, 0);
            return 1;
        }

        @Override
        public int write(byte[] data, int offset, int length) {
            transfer(concat(NONE, data, offset, length), 0);
            return length;
        }

        @Override
        public int read() {
            return transfer(NONE, 1)[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            System.arraycopy(transfer(NONE, length), 0, buffer, offset, length);
            return length;
        }

        @Override
        public int writeRegister(int register, byte b) {
            transfer(new byte[] {(byte) register, b}, 0);
            return 1;
        }

        @Override
        public int writeRegister(int register, byte[] data, int offset, int length) {
            transfer(concat(new byte[] {(byte) register}, data, offset, length), 0);
            return length;
        }

        @Override
        public int writeRegister(byte[] register, byte[] data, int offset, int length) {
            transfer(concat(register, data, offset, length), 0);
            return length;
        }

        @Override
        public int readRegister(int register) {
            return transfer(new byte[] {(byte) register}, 1)[0] & 0xFF;
        }

        @Override
        public int readRegister(int register, byte[] buffer, int offset, int length) {
            System.arraycopy(transfer(new byte[] {(byte) register}, length), 0, buffer, offset, length);
            return length;
        }

        @Override
        public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
            System.arraycopy(transfer(register.clone(), length), 0, buffer, offset, length);
            return length;
        }
    }
}
