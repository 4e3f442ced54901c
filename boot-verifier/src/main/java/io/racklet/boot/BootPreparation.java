package io.racklet.boot;

import io.racklet.boot.manifest.ArtifactRole;
import io.racklet.boot.manifest.BootManifest;
import io.racklet.boot.manifest.ManifestCodec;
import io.racklet.boot.manifest.SignedManifest;
import io.racklet.boot.store.BlobStore;
import io.racklet.boot.verify.KnownArtifact;
import io.racklet.boot.verify.ManifestVerifier;
import io.racklet.boot.verify.RollbackFloor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The BMC's step before powering its node on: fetch the profile's manifest, verify it (signatures,
 * profile, expiry, rollback), fetch and check its artifacts into the blob store, raise the rollback
 * floor, keep the manifest and collect blobs no kept manifest needs. Either everything verified
 * ({@link Preparation.Prepared}) or nothing changed but partial downloads ({@link Preparation.Refused}).
 */
public final class BootPreparation {
    private final BlobStore store;
    private final RollbackFloor floor;
    private final HttpClient http;

    /**
     * @param stateDir the node's boot state (its rollback floor lives in {@code stateDir/rollback})
     */
    public BootPreparation(BlobStore store, Path stateDir, HttpClient http) {
        this.store = store;
        this.floor = new RollbackFloor(stateDir.resolve("rollback"));
        this.http = http;
    }

    public RollbackFloor floor() {
        return floor;
    }

    public synchronized Preparation prepare(BootProfile profile, InstantSource clock) {
        try {
            byte[] json = fetchManifest(profile);
            ManifestVerifier.Verified v = new ManifestVerifier(profile.trust(), clock).verify(json, profile.name(), floor);
            SignedManifest m = v.manifest();
            BootManifest s = m.signed();
            String id = m.id();
            List<KnownArtifact> elsewhere = new ArrayList<>();
            for (SignedManifest kept : store.retained()) {
                if (!kept.id().equals(id)) elsewhere.addAll(KnownArtifact.of(kept.signed()));
            }
            Path[] paths = new Path[ArtifactRole.values().length];
            for (ArtifactRole role : ArtifactRole.values()) {
                List<KnownArtifact> others = new ArrayList<>(KnownArtifact.othersOf(s, role));
                others.addAll(elsewhere);
                paths[role.ordinal()] = store.fetch(profile.blobUrl(role.of(s)), role, role.of(s), others);
            }
            // fetching may have taken a while: the manifest must still be valid when it is served
            if (!clock.instant().isBefore(s.expiresAt())) {
                throw new BootRefusedException(Refusal.Reason.EXPIRED, "manifest '" + s.name() + "' version " + s.version()
                        + " expired at " + s.expires() + " while its artifacts were fetched");
            }
            floor.record(s, clock.instant());
            store.retain(m);
            store.gc();
            return new Preparation.Prepared(m, id, v.signers(), paths[ArtifactRole.KERNEL.ordinal()], paths[ArtifactRole.INITRAMFS.ordinal()]);
        } catch (BootRefusedException e) {
            return new Preparation.Refused(e.refusal());
        } catch (IOException | RuntimeException e) {
            return new Preparation.Refused(new Refusal(Refusal.Reason.FETCH_FAILED, "boot state: " + e.getMessage()));
        }
    }

    private byte[] fetchManifest(BootProfile profile) throws BootRefusedException {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(profile.manifestUrl()).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new BootRefusedException(Refusal.Reason.FETCH_FAILED, "manifest " + profile.manifestUrl() + ": HTTP " + r.statusCode());
                }
                // one byte past the limit tells "too large" without reading an endless body
                byte[] body = in.readNBytes(ManifestCodec.MAX_BYTES + 1);
                if (body.length > ManifestCodec.MAX_BYTES) {
                    throw new BootRefusedException(Refusal.Reason.MALFORMED, "manifest " + profile.manifestUrl() + " is larger than "
                            + ManifestCodec.MAX_BYTES + " bytes");
                }
                return body;
            }
        } catch (IOException e) {
            throw new BootRefusedException(new Refusal(Refusal.Reason.FETCH_FAILED, "manifest " + profile.manifestUrl() + ": " + e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootRefusedException(Refusal.Reason.FETCH_FAILED, "interrupted while fetching the manifest");
        }
    }
}
