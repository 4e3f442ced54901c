package io.racklet.boot.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain file mirror of a folder on the loopback address: where the demo and the tests publish
 * signed manifests and blobs. Serves regular files under the folder only (no listing, no links out).
 */
public final class StaticMirror implements AutoCloseable {
    private final HttpServer server;

    public StaticMirror(Path root) throws IOException {
        this(root, 0);
    }

    /** @param port 0 for any free port */
    public StaticMirror(Path root, int port) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        server.createContext("/", x -> {
            try (x) {
                Path f = base.resolve(x.getRequestURI().getPath().substring(1)).normalize();
                if (!f.startsWith(base) || !Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    x.sendResponseHeaders(404, -1);
                    return;
                }
                x.sendResponseHeaders(200, Files.size(f));
                try (OutputStream out = x.getResponseBody()) {
                    Files.copy(f, out);
                }
            }
        });
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
