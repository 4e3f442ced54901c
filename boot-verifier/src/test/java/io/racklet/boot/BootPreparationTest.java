package io.racklet.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.boot.keys.SigningKey;
import io.racklet.boot.manifest.BootManifest;
import io.racklet.boot.manifest.ManifestCodec;
import io.racklet.boot.manifest.ManifestSigner;
import io.racklet.boot.serve.BootEndpoint;
import io.racklet.boot.serve.BootFetch;
import io.racklet.boot.store.BlobStore;
import io.racklet.boot.verify.TrustPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class BootPreparationTest {
    private final SigningKey a = Fixtures.key(), b = Fixtures.key();
    private final byte[] kernel = Fixtures.bytes(1 << 20, 1), initramfs = Fixtures.bytes(200_000, 2);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    private final Mirror mirror = new Mirror();
    private final BootProfile profile = new BootProfile("debian-cloud", mirror.url("/debian-cloud/manifest.json"),
            TrustPolicy.of(List.of(a.publicKey(), b.publicKey()), 2));
    @TempDir
    Path root;
    private BlobStore store;
    private BootEndpoint endpoint;

    BootPreparationTest() throws Exception {}

    @AfterEach
    void close() {
        mirror.close();
        if (store != null) store.close();
        if (endpoint != null) endpoint.close();
    }

    private BootPreparation preparation() {
        store = new BlobStore(root.resolve("blobs"), http, Duration.ofSeconds(2), Duration.ofSeconds(20));
        return new BootPreparation(store, root.resolve("state"), http);
    }

    private BootManifest publish(long version, byte[] k, byte[] i, List<SigningKey> signers) {
        BootManifest m = Fixtures.manifest("debian-cloud", version, k, i, "console=ttyS0 quiet");
        mirror.serve("/debian-cloud/manifest.json", ManifestCodec.encode(ManifestSigner.sign(m, signers)));
        mirror.serve("/debian-cloud/blobs/" + m.kernel().sha256(), k);
        mirror.serve("/debian-cloud/blobs/" + m.initramfs().sha256(), i);
        return m;
    }

    @Test
    void preparesAVerifiedBootAndRaisesTheRollbackFloor() {
        BootPreparation prep = preparation();
        BootManifest m = publish(3, kernel, initramfs, List.of(a, b));
        Preparation p = prep.prepare(profile, clock);
        assertThat(p).isInstanceOf(Preparation.Prepared.class);
        Preparation.Prepared ok = (Preparation.Prepared) p;
        assertThat(ok.kernel()).hasBinaryContent(kernel);
        assertThat(ok.initramfs()).hasBinaryContent(initramfs);
        assertThat(ok.manifestId()).isEqualTo(ManifestCodec.id(m));
        assertThat(prep.floor().last("debian-cloud").version()).isEqualTo(3);
        assertThat(store.retained()).hasSize(1);
    }

    @Test
    void aRollbackAfterABootIsRefusedAndOldBlobsAreCollected() {
        BootPreparation prep = preparation();
        BootManifest v3 = publish(3, kernel, initramfs, List.of(a, b));
        assertThat(prep.prepare(profile, clock)).isInstanceOf(Preparation.Prepared.class);
        byte[] newKernel = Fixtures.bytes(1 << 20, 11);
        publish(4, newKernel, initramfs, List.of(a, b));
        assertThat(prep.prepare(profile, clock)).isInstanceOf(Preparation.Prepared.class);
        assertThat(store.blob(v3.kernel())).as("v3's kernel is no longer kept").isEmpty();
        publish(3, kernel, initramfs, List.of(a, b));
        Preparation p = prep.prepare(profile, clock);
        assertThat(p).isInstanceOfSatisfying(Preparation.Refused.class, r -> {
            assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.ROLLBACK);
            assertThat(r.refusal().message()).contains("version 3 is older than version 4");
        });
    }

    @Test
    void aTamperedBlobOnTheMirrorIsRefusedAndChangesNothing() {
        BootPreparation prep = preparation();
        BootManifest m = publish(3, kernel, initramfs, List.of(a, b));
        byte[] tampered = initramfs.clone();
        tampered[100] ^= 1;
        mirror.serve("/debian-cloud/blobs/" + m.initramfs().sha256(), tampered);
        assertThat(prep.prepare(profile, clock)).isInstanceOfSatisfying(Preparation.Refused.class,
                r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.DIGEST_MISMATCH));
        assertThat(prep.floor().last("debian-cloud")).as("nothing verified: the floor stays").isNull();
        assertThat(store.retained()).isEmpty();
    }

    @Test
    void oneSignatureShortAndAMissingManifestAreRefused() {
        BootPreparation prep = preparation();
        publish(3, kernel, initramfs, List.of(a));
        assertThat(prep.prepare(profile, clock)).isInstanceOfSatisfying(Preparation.Refused.class,
                r -> assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.THRESHOLD_NOT_MET));
        BootProfile nowhere = new BootProfile("debian-cloud", mirror.url("/missing/manifest.json"), profile.trust());
        assertThat(prep.prepare(nowhere, clock)).isInstanceOfSatisfying(Preparation.Refused.class, r -> {
            assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.FETCH_FAILED);
            assertThat(r.refusal().message()).contains("HTTP 404");
        });
    }

    @Test
    void theEndpointServesTheOfferedBootOnlyAndReportsEveryFetch() throws Exception {
        BootPreparation prep = preparation();
        publish(3, kernel, initramfs, List.of(a, b));
        Preparation.Prepared ok = (Preparation.Prepared) prep.prepare(profile, clock);
        List<BootFetch> fetches = new CopyOnWriteArrayList<>();
        endpoint = BootEndpoint.start("node-1", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), fetches::add, clock);
        URI script = endpoint.scriptUrl();
        assertThat(get(script).statusCode()).as("nothing offered yet").isEqualTo(404);

        endpoint.offer(ok);
        HttpResponse<byte[]> s = get(script);
        assertThat(s.statusCode()).isEqualTo(200);
        String text = new String(s.body());
        String id = ok.manifestId();
        assertThat(text).isEqualTo("#!ipxe\necho racklet: booting debian-cloud version 3 (manifest " + id.substring(0, 16) + ")\n"
                + "kernel m/" + id + "/kernel console=ttyS0 quiet\ninitrd m/" + id + "/initramfs\nboot\n");
        assertThat(get(script.resolve("m/" + id + "/kernel")).body()).isEqualTo(kernel);
        assertThat(get(script.resolve("m/" + id + "/initramfs")).body()).isEqualTo(initramfs);
        assertThat(get(script.resolve("m/" + "0".repeat(64) + "/kernel")).statusCode()).as("another manifest's blob").isEqualTo(404);
        assertThat(get(script.resolve("blobs/")).statusCode()).isEqualTo(404);
        endpoint.withdraw();
        assertThat(get(script.resolve("m/" + id + "/kernel")).statusCode()).isEqualTo(404);

        assertThat(fetches).extracting(f -> f.what() + " " + f.status()).containsExactly(
                "script 404", "script 200", "kernel 200", "initramfs 200", "kernel 404", "other 404", "kernel 404");
        assertThat(fetches.get(2).bytes()).isEqualTo(kernel.length);
        assertThat(fetches.get(2).manifestId()).isEqualTo(id);
        assertThat(fetches.get(2).node()).isEqualTo("node-1");
        assertThat(fetches.get(2).remote()).contains("127.0.0.1");
    }

    private HttpResponse<byte[]> get(URI u) throws Exception {
        return http.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
