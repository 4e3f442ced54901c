package io.racklet.bmc.console;

import java.io.IOException;

/** The port to the node's UART. */
public interface SerialLine {

    void open() throws IOException;

    /** Bytes received since the last call, or an empty array; never blocks for long. */
    byte[] read() throws IOException;

    void write(byte[] data) throws IOException;

    void close();
}
