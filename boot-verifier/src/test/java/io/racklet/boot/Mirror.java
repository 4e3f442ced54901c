package io.racklet.boot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A mirror on the loopback address for the tests, serving files at paths with honest Range
 * support, or misbehaving as a test asks: cutting connections, ignoring ranges, never ending.
 */
public final class Mirror implements AutoCloseable {
    /** How a path answers; {@code range} is the requested start or -1. */
    @FunctionalInterface
    public interface Answer {
        void answer(HttpExchange x, long rangeStart) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    /** Each request's path and Range header ("" if none). */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public Mirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-mirror");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", x -> {
            String range = x.getRequestHeaders().getFirst("Range");
            requests.add(x.getRequestURI().getPath() + " " + (range == null ? "" : range));
            long start = -1;
            if (range != null && range.matches("bytes=\\d+-\\d*")) start = Long.parseLong(range.substring(6, range.indexOf('-')));
            Answer a = answers.get(x.getRequestURI().getPath());
            try (x) {
                if (a == null) {
                    x.sendResponseHeaders(404, -1);
                } else {
                    a.answer(x, start);
                }
            } catch (IOException e) {
                // the client hung up: expected in the tests that cut downloads short
            }
        });
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void serve(String path, Answer a) {
        answers.put(path, a);
    }

    /** An honest file with Range support. */
    public void serve(String path, byte[] content) {
        serve(path, (x, start) -> {
            if (start >= 0 && start < content.length) {
                x.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
                send(x, 206, content, (int) start, content.length);
            } else {
                send(x, 200, content, 0, content.length);
            }
        });
    }

    public static void send(HttpExchange x, int status, byte[] content, int from, int to) throws IOException {
        x.sendResponseHeaders(status, to - from);
        try (OutputStream out = x.getResponseBody()) {
            out.write(content, from, to - from);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
