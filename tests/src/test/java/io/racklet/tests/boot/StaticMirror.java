package io.racklet.tests.boot;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** A plain file mirror of a folder on the loopback address: what publishing signed manifests and blobs needs. */
final class StaticMirror implements AutoCloseable {
    private final HttpServer server;

    StaticMirror(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", x -> {
            try (x) {
                Path f = root.resolve(x.getRequestURI().getPath().substring(1)).normalize();
                if (!f.startsWith(root) || !Files.isRegularFile(f)) {
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

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
