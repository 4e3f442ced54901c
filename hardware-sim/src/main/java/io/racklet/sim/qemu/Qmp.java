package io.racklet.sim.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.racklet.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A client of QEMU's machine protocol (QMP) over its Unix socket: one JSON object per line each
 * way, Jackson for both. Asynchronous events in between are skipped.
 */
public final class Qmp implements AutoCloseable {
    private static final ObjectMapper JSON = Json.json();
    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    private Qmp(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
    }

    /** Connects, reads QEMU's greeting and leaves capabilities negotiation mode. */
    public static Qmp connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            Qmp q = new Qmp(ch);
            JsonNode greeting = q.readMessage();
            if (!greeting.has("QMP")) throw new IOException("not a QMP greeting: " + greeting);
            q.execute("qmp_capabilities", null);
            return q;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Runs a command and returns its "return" value; a QMP error becomes an IOException naming it. */
    public synchronized JsonNode execute(String command, ObjectNode arguments) throws IOException {
        ObjectNode req = JSON.createObjectNode().put("execute", command);
        if (arguments != null) req.set("arguments", arguments);
        out.write(JSON.writeValueAsBytes(req));
        out.write('\n');
        out.flush();
        while (true) {
            JsonNode msg = readMessage();
            if (msg.has("event")) continue;
            if (msg.has("error")) {
                throw new IOException("QMP " + command + ": " + msg.path("error").path("class").asText() + ": " + msg.path("error").path("desc").asText());
            }
            if (msg.has("return")) return msg.get("return");
        }
    }

    private JsonNode readMessage() throws IOException {
        String line = in.readLine();
        if (line == null) throw new IOException("QMP connection closed");
        return JSON.readTree(line);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed by QEMU quitting
        }
    }
}
