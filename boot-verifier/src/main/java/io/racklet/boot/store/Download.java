package io.racklet.boot.store;

import io.racklet.boot.BootRefusedException;
import io.racklet.boot.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings {@code length} bytes from a URL into a partial file, resuming with HTTP Range after a
 * broken connection (also across restarts: the partial file stays). Never reads past
 * {@code length}: a mirror that announces more is refused before its body is read, one that just
 * keeps sending is cut off there. A stalled or endless-but-slow mirror is cut off by the idle
 * timeout and the overall deadline.
 */
final class Download {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    static final int MAX_ATTEMPTS = 4;

    private final HttpClient http;
    private final ScheduledExecutorService watchdog;
    private final Duration idleTimeout;
    private final Duration deadline;

    Download(HttpClient http, ScheduledExecutorService watchdog, Duration idleTimeout, Duration deadline) {
        this.http = http;
        this.watchdog = watchdog;
        this.idleTimeout = idleTimeout;
        this.deadline = deadline;
    }

    /** Fills {@code partial} up to {@code length} bytes (it may already hold a prefix). */
    void fetch(URI url, String what, Path partial, long length) throws BootRefusedException {
        long started = System.nanoTime();
        IOException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                if (attemptOnce(url, what, partial, length, started)) return;
            } catch (IOException e) {
                last = e;
            }
            if (System.nanoTime() - started > deadline.toNanos()) break;
        }
        throw new BootRefusedException(new Refusal(Refusal.Reason.FETCH_FAILED, what + " from " + url + " failed after "
                + MAX_ATTEMPTS + " attempts or " + deadline.toSeconds() + " s: " + (last == null ? "incomplete" : last.getMessage())), last);
    }

    /** @return true when the partial file holds all {@code length} bytes */
    private boolean attemptOnce(URI url, String what, Path partial, long length, long started) throws IOException, BootRefusedException {
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        if (have > length) {
            Files.delete(partial);
            have = 0;
        }
        if (have == length) return true;
        HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(idleTimeout).GET();
        if (have > 0) req.header("Range", "bytes=" + have + "-" + (length - 1));
        HttpResponse<InputStream> r;
        try {
            r = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream body = r.body()) {
            long offset;
            OptionalLong announced = r.headers().firstValueAsLong("Content-Length");
            if (r.statusCode() == 206 && have > 0) {
                Matcher m = CONTENT_RANGE.matcher(r.headers().firstValue("Content-Range").orElse(""));
                if (!m.matches()) throw new IOException("206 without a usable Content-Range");
                if (!m.group(3).equals("*") && Long.parseLong(m.group(3)) != length) {
                    throw new BootRefusedException(Refusal.Reason.LENGTH_MISMATCH, what + ": the mirror has " + m.group(3)
                            + " bytes, the manifest declares " + length);
                }
                offset = Long.parseLong(m.group(1));
                if (offset != have) {
                    Files.deleteIfExists(partial); // not the range asked for: start over cleanly
                    throw new IOException("mirror answered range " + m.group(1) + "- to a request for " + have + "-");
                }
            } else if (r.statusCode() == 200) {
                offset = 0; // no range support: from the start
                if (announced.isPresent() && announced.getAsLong() != length) {
                    throw new BootRefusedException(Refusal.Reason.LENGTH_MISMATCH, what + ": the mirror offers "
                            + announced.getAsLong() + " bytes, the manifest declares " + length);
                }
            } else if (r.statusCode() >= 500) {
                throw new IOException("HTTP " + r.statusCode());
            } else {
                throw new BootRefusedException(Refusal.Reason.FETCH_FAILED, what + " from " + url + ": HTTP " + r.statusCode());
            }
            if (r.statusCode() == 206 && announced.isPresent() && announced.getAsLong() != length - offset) {
                throw new BootRefusedException(Refusal.Reason.LENGTH_MISMATCH, what + ": the mirror offers "
                        + announced.getAsLong() + " bytes from " + offset + ", the manifest declares " + length + " in all");
            }
            copy(body, partial, offset, length, started);
        }
        long now = Files.size(partial);
        if (now < length) {
            // the mirror ended the body normally, short of the declared length
            throw new BootRefusedException(Refusal.Reason.LENGTH_MISMATCH, what + ": the mirror sent " + now
                    + " bytes, the manifest declares " + length);
        }
        return true;
    }

    private void copy(InputStream body, Path partial, long offset, long length, long started) throws IOException {
        long[] lastProgress = {System.nanoTime()};
        boolean[] cut = {false};
        ScheduledFuture<?> guard = watchdog.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now - lastProgress[0] > idleTimeout.toNanos() || now - started > deadline.toNanos()) {
                cut[0] = true;
                try {
                    body.close();
                } catch (IOException ignored) {
                    // closing is all we can do
                }
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(offset);
            out.position(offset);
            long pos = offset;
            byte[] buf = new byte[256 * 1024];
            while (pos < length) {
                int n = body.read(buf, 0, (int) Math.min(buf.length, length - pos));
                if (n < 0) break;
                out.write(ByteBuffer.wrap(buf, 0, n));
                pos += n;
                lastProgress[0] = System.nanoTime();
            }
            out.force(false);
        } catch (IOException e) {
            if (cut[0]) throw new IOException("no progress for " + idleTimeout.toSeconds() + " s or past the deadline", e);
            throw e;
        } finally {
            guard.cancel(false);
        }
    }
}
