package io.racklet.bmc.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jssc.SerialPort;
import jssc.SerialPortException;

/** The node's UART through jssc, 8N1 at the configured speed. */
public final class JsscSerialLine implements SerialLine {
    private static final byte[] NOTHING = new byte[0];
    private final Path device;
    private final int baud;
    private SerialPort port;

    public JsscSerialLine(Path device, int baud) {
        this.device = device;
        this.baud = baud;
    }

    @Override
    public synchronized void open() throws IOException {
        if (!Files.exists(device)) {
            throw new IOException(device + " does not exist");
        }
        SerialPort p = new SerialPort(device.toString());
        try {
            p.openPort();
            p.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
        } catch (SerialPortException e) {
            try {
                p.closePort();
            } catch (SerialPortException ignored) {
                // it was not open
            }
            throw new IOException("cannot open " + device + ": " + e.getExceptionType(), e);
        }
        port = p;
    }

    @Override
    public byte[] read() throws IOException {
        SerialPort p = port;
        if (p == null) throw new IOException(device + " is not open");
        try {
            byte[] b = p.readBytes();
            if (b == null) {
                // a vanished device (unplugged USB adapter, gone pty) may just read nothing: look for it
                if (!Files.exists(device)) throw new IOException(device + " vanished");
                return NOTHING;
            }
            return b;
        } catch (SerialPortException e) {
            throw new IOException(device + ": " + e.getExceptionType(), e);
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        SerialPort p = port;
        if (p == null) throw new IOException(device + " is not open");
        try {
            if (!p.writeBytes(data)) throw new IOException("write to " + device + " failed");
        } catch (SerialPortException e) {
            throw new IOException(device + ": " + e.getExceptionType(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (port != null) {
            try {
                port.closePort();
            } catch (SerialPortException ignored) {
                // already gone
            }
            port = null;
        }
    }
}
