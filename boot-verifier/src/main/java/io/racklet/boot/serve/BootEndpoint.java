package io.racklet.boot.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.racklet.boot.Preparation;
import io.racklet.boot.manifest.ArtifactRole;
import io.racklet.boot.manifest.BootManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The BMC's HTTP boot endpoint for its one node. It serves an iPXE script and the two blobs of the
 * boot it was offered ({@link #offer}), and nothing else: no directory, no other blob, nothing at
 * all while no verified boot is offered. The blob paths carry the manifest id, so a script from an
 * earlier boot cannot fetch artifacts of another manifest. URLs in the script are relative to the
 * script's own, so the node may reach the endpoint under any address (10.0.2.2 through QEMU's user
 * network). Every request is reported to the listener after it was answered.
 */
public final class BootEndpoint implements AutoCloseable {
    public static final String SCRIPT_PATH = "/boot.ipxe";
    private final String node;
    private final HttpServer server;
    private final ExecutorService executor;
    private final FetchListener listener;
    private final InstantSource clock;
    private volatile Preparation.Prepared offered;

    private BootEndpoint(String node, HttpServer server, ExecutorService executor, FetchListener listener, InstantSource clock) {
        this.node = node;
        this.server = server;
        this.executor = executor;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * @param bind where to listen, e.g. 127.0.0.1:0 (an ephemeral port) in simulation, or the BMC's
     *             address on the node's network on a Pi
     */
    public static BootEndpoint start(String node, InetSocketAddress bind, FetchListener listener, InstantSource clock) {
        HttpServer server;
        try {
            server = HttpServer.create(bind, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("boot endpoint of " + node + " cannot listen on " + bind, e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "boot-endpoint-" + node + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        BootEndpoint e = new BootEndpoint(node, server, executor, listener, clock);
        server.createContext("/", e::handle);
        server.setExecutor(executor);
        server.start();
        return e;
    }

    /** Serve this verified boot from now on (replacing any earlier one). */
    public void offer(Preparation.Prepared boot) {
        offered = boot;
    }

    /** Serve nothing: the node must not boot. */
    public void withdraw() {
        offered = null;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The script's URL as seen from this host. */
    public URI scriptUrl() {
        InetSocketAddress a = address();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + a.getPort() + SCRIPT_PATH);
    }

    /** The iPXE script for a verified boot. */
    public static String script(Preparation.Prepared p) {
        BootManifest m = p.signed();
        String base = "m/" + p.manifestId() + "/";
        return "#!ipxe\n"
                + "echo racklet: booting " + m.name() + " version " + m.version() + " (manifest " + p.manifestId().substring(0, 16) + ")\n"
                + "kernel " + base + ArtifactRole.KERNEL.label() + (m.cmdline().isEmpty() ? "" : " " + m.cmdline()) + "\n"
                + "initrd " + base + ArtifactRole.INITRAMFS.label() + "\n"
                + "boot\n";
    }

    private void handle(HttpExchange x) {
        String path = x.getRequestURI().getPath();
        Preparation.Prepared p = offered;
        String what = "other";
        int status = 404;
        long sent = 0;
        try (x) {
            x.getRequestBody().readNBytes(1024); // requests have no body worth reading
            boolean head = x.getRequestMethod().equals("HEAD");
            if (!head && !x.getRequestMethod().equals("GET")) {
                status = 405;
                x.sendResponseHeaders(status, -1);
                return;
            }
            if (path.equals(SCRIPT_PATH)) {
                what = "script";
                if (p != null) {
                    byte[] body = script(p).getBytes(StandardCharsets.US_ASCII);
                    status = 200;
                    x.getResponseHeaders().set("Content-Type", "text/plain; charset=us-ascii");
                    sent = send(x, status, head, body.length, new java.io.ByteArrayInputStream(body));
                    return;
                }
            } else {
                for (ArtifactRole role : ArtifactRole.values()) {
                    if (path.endsWith("/" + role.label())) what = role.label();
                    if (p != null && path.equals("/m/" + p.manifestId() + "/" + role.label())) {
                        Path blob = role == ArtifactRole.KERNEL ? p.kernel() : p.initramfs();
                        long length = role.of(p.signed()).length();
                        status = 200;
                        x.getResponseHeaders().set("Content-Type", "application/octet-stream");
                        try (InputStream in = Files.newInputStream(blob)) {
                            sent = send(x, status, head, length, in);
                        }
                        return;
                    }
                }
            }
            byte[] body = (p == null ? "no verified boot is offered\n" : "not a blob of the offered boot\n").getBytes(StandardCharsets.US_ASCII);
            x.getResponseHeaders().set("Content-Type", "text/plain; charset=us-ascii");
            send(x, status, head, body.length, new java.io.ByteArrayInputStream(body));
        } catch (IOException e) {
            // the node went away mid-transfer: reported below with the bytes that went out
        } finally {
            listener.fetched(new BootFetch(node, clock.instant(), String.valueOf(x.getRemoteAddress()), path, what, status, sent,
                    p == null ? null : p.manifestId()));
        }
    }

    /** Sends exactly {@code length} bytes of {@code in}: a blob is served at its declared length. */
    private static long send(HttpExchange x, int status, boolean head, long length, InputStream in) throws IOException {
        if (head) {
            x.getResponseHeaders().set("Content-Length", Long.toString(length));
            x.sendResponseHeaders(status, -1);
            return 0;
        }
        x.sendResponseHeaders(status, length);
        long sent = 0;
        byte[] buf = new byte[256 * 1024];
        try (OutputStream out = x.getResponseBody()) {
            while (sent < length) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, length - sent));
                if (n < 0) throw new IOException("blob shorter than declared");
                out.write(buf, 0, n);
                sent += n;
            }
        }
        return sent;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
