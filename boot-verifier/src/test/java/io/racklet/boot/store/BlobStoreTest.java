package io.racklet.boot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.boot.BootRefusedException;
import io.racklet.boot.Fixtures;
import io.racklet.boot.Mirror;
import io.racklet.boot.Refusal;
import io.racklet.boot.manifest.Artifact;
import io.racklet.boot.manifest.ArtifactRole;
import io.racklet.boot.manifest.BootManifest;
import io.racklet.boot.manifest.ManifestSigner;
import io.racklet.boot.verify.KnownArtifact;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class BlobStoreTest {
    private final byte[] kernel = Fixtures.bytes(2 << 20, 1), initramfs = Fixtures.bytes(300_000, 2);
    private final Artifact k = Fixtures.artifact(kernel);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Mirror mirror;
    @TempDir
    Path root;
    private BlobStore store;

    BlobStoreTest() throws Exception {
        mirror = new Mirror();
    }

    @AfterEach
    void close() {
        mirror.close();
        if (store != null) store.close();
    }

    private BlobStore store() {
        store = new BlobStore(root, http, Duration.ofSeconds(2), Duration.ofSeconds(30));
        return store;
    }

    private Refusal refusal(ThrowingFetch f) {
        try {
            f.run();
        } catch (BootRefusedException e) {
            return e.refusal();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("fetched, but should have been refused");
    }

    interface ThrowingFetch {
        void run() throws Exception;
    }

    @Test
    void fetchesOnceAndThenServesFromTheStore() throws Exception {
        mirror.serve("/blobs/k", kernel);
        Path p = store().fetch(mirror.url("/blobs/k"), ArtifactRole.KERNEL, k, List.of());
        assertThat(p).hasBinaryContent(kernel).hasFileName(k.sha256());
        store.fetch(mirror.url("/blobs/k"), ArtifactRole.KERNEL, k, List.of());
        assertThat(mirror.requests).hasSize(1);
    }

    @Test
    void aBrokenConnectionResumesWithRange() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        mirror.serve("/blobs/k", (x, start) -> {
            if (calls.incrementAndGet() == 1) {
                // announce everything, send half, hang up
                x.sendResponseHeaders(200, kernel.length);
                OutputStream out = x.getResponseBody();
                out.write(kernel, 0, kernel.length / 2);
                out.flush();
                throw new java.io.IOException("cut");
            }
            x.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (kernel.length - 1) + "/" + kernel.length);
            Mirror.send(x, 206, kernel, (int) start, kernel.length);
        });
        Path p = store().fetch(mirror.url("/blobs/k"), ArtifactRole.KERNEL, k, List.of());
        assertThat(p).hasBinaryContent(kernel);
        assertThat(mirror.requests).hasSize(2);
        assertThat(mirror.requests.get(0)).isEqualTo("/blobs/k ");
        assertThat(mirror.requests.get(1)).matches("/blobs/k bytes=\\d+-" + (kernel.length - 1));
        long resumedAt = Long.parseLong(mirror.requests.get(1).replaceAll(".*bytes=(\\d+)-.*", "$1"));
        assertThat(resumedAt).isPositive().isLessThanOrEqualTo(kernel.length / 2);
    }

    @Test
    void aPartialDownloadSurvivesARestart() throws Exception {
        Files.createDirectories(root.resolve("partial"));
        Files.write(root.resolve("partial").resolve(k.sha256()), java.util.Arrays.copyOf(kernel, 1_000_000));
        mirror.serve("/blobs/k", kernel);
        assertThat(store().fetch(mirror.url("/blobs/k"), ArtifactRole.KERNEL, k, List.of())).hasBinaryContent(kernel);
        assertThat(mirror.requests).containsExactly("/blobs/k bytes=1000000-" + (kernel.length - 1));
    }

    @Test
    void aMirrorIgnoringRangeIsReadFromTheStart() throws Exception {
        Files.createDirectories(root.resolve("partial"));
        Files.write(root.resolve("partial").resolve(k.sha256()), java.util.Arrays.copyOf(kernel, 1_000_000));
        mirror.serve("/blobs/k", (x, start) -> Mirror.send(x, 200, kernel, 0, kernel.length));
        assertThat(store().fetch(mirror.url("/blobs/k"), ArtifactRole.KERNEL, k, List.of())).hasBinaryContent(kernel);
    }

    @Test
    void anAnnouncedOversizeIsRefusedBeforeTheBodyIsRead() {
        byte[] bigger = java.util.Arrays.copyOf(kernel, kernel.length + 1);
        mirror.serve("/blobs/k", bigger);
        Refusal r = refusal(() -> store().fetch(mirror.url("/blobs/k"), ArtifactRole.KERNEL, k, List.of()));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.LENGTH_MISMATCH);
        assertThat(r.message()).contains("offers " + bigger.length + " bytes");
        assertThat(store.blob(k)).isEmpty();
    }

    @Test
    void aTruncatedArtifactIsRefused() {
        mirror.serve("/blobs/k", (x, start) -> {
            // chunked, ends cleanly but short
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                out.write(kernel, 0, kernel.length - 10);
            }
        });
        Refusal r = refusal(() -> store().fetch(mirror.url("/blobs/k"), ArtifactRole.KERNEL, k, List.of()));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.LENGTH_MISMATCH);
        assertThat(r.message()).contains("sent " + (kernel.length - 10) + " bytes");
    }

    @Test
    void aMirrorThatNeverStopsSendingIsCutAtTheDeclaredLength() throws Exception {
        AtomicLong written = new AtomicLong();
        mirror.serve("/blobs/k", (x, start) -> {
            x.sendResponseHeaders(200, 0); // chunked: no length announced
            byte[] junk = Fixtures.bytes(64 * 1024, 7);
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 100_000; i++) { // bounded: 6.4 GB, far more than the client reads
                    out.write(junk);
                    written.addAndGet(junk.length);
                }
            }
        });
        Refusal r = refusal(() -> store().fetch(mirror.url("/blobs/k"), ArtifactRole.KERNEL, k, List.of()));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.DIGEST_MISMATCH);
        // the client stopped at the declared length: the server could only push its socket buffers beyond
        assertThat(written.get()).isLessThan(kernel.length + (64L << 20));
        assertThat(Files.list(root.resolve("partial"))).isEmpty();
        assertThat(Files.list(root.resolve("blobs"))).isEmpty();
    }

    @Test
    void aStalledMirrorTimesOut() {
        mirror.serve("/blobs/k", (x, start) -> {
            x.sendResponseHeaders(200, kernel.length);
            x.getResponseBody().write(kernel, 0, 1000);
            x.getResponseBody().flush();
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long t = System.nanoTime();
        Refusal r = refusal(() -> store().fetch(mirror.url("/blobs/k"), ArtifactRole.KERNEL, k, List.of()));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.FETCH_FAILED);
        assertThat(r.message()).contains("no progress");
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aFlippedByteIsRefusedAndNothingIsStored() throws Exception {
        byte[] tampered = kernel.clone();
        tampered[kernel.length - 1] ^= 0x40;
        mirror.serve("/blobs/k", tampered);
        Refusal r = refusal(() -> store().fetch(mirror.url("/blobs/k"), ArtifactRole.KERNEL, k, List.of()));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.DIGEST_MISMATCH);
        assertThat(store.blob(k)).isEmpty();
        assertThat(Files.list(root.resolve("partial"))).isEmpty();
    }

    @Test
    void theInitramfsOfAnotherManifestIsNamedAsMixed() throws Exception {
        byte[] otherInitramfs = Fixtures.bytes(initramfs.length, 3);
        BootManifest a = Fixtures.manifest("p", 2, kernel, initramfs, ""), b = Fixtures.manifest("p", 1, kernel, otherInitramfs, "");
        mirror.serve("/blobs/i", otherInitramfs);
        Refusal r = refusal(() -> store().fetch(mirror.url("/blobs/i"), ArtifactRole.INITRAMFS, a.initramfs(), KnownArtifact.of(b)));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.MIXED_ARTIFACTS);
        assertThat(r.message()).contains("the initramfs of manifest 'p' version 1");
    }

    @Test
    void garbageCollectionKeepsExactlyWhatKeptManifestsReference() throws Exception {
        byte[] k2 = Fixtures.bytes(4000, 4), i2 = Fixtures.bytes(5000, 5);
        BootManifest a = Fixtures.manifest("a", 1, kernel, initramfs, ""), b = Fixtures.manifest("b", 1, k2, i2, "");
        store();
        for (var pair : List.of(List.of(kernel, initramfs), List.of(k2, i2))) {
            for (int i = 0; i < 2; i++) {
                byte[] content = pair.get(i);
                store.put(new java.io.ByteArrayInputStream(content), ArtifactRole.values()[i], Fixtures.artifact(content), List.of());
            }
        }
        Files.write(root.resolve("partial").resolve("f".repeat(64)), new byte[10]);
        store.retain(ManifestSigner.sign(a, List.of(Fixtures.key())));
        store.retain(ManifestSigner.sign(b, List.of(Fixtures.key())));
        assertThat(store.gc().removed()).containsExactly("partial/" + "f".repeat(64));
        store.release("b");
        BlobStore.Collected c = store.gc();
        assertThat(c.removed()).containsExactlyInAnyOrder("blobs/" + b.kernel().sha256(), "blobs/" + b.initramfs().sha256());
        assertThat(c.bytesFreed()).isEqualTo(9000);
        assertThat(store.blob(a.kernel())).isPresent();
        assertThat(store.blob(a.initramfs())).isPresent();
        assertThat(store.blob(b.kernel())).isEmpty();
    }
}
