package io.racklet.bmc.boot;

import io.racklet.bmc.power.PowerAdmission;
import io.racklet.bmc.report.NodeReporter;
import io.racklet.boot.BootPreparation;
import io.racklet.boot.BootProfile;
import io.racklet.boot.Preparation;
import io.racklet.boot.keys.PublicKey;
import io.racklet.boot.serve.BootEndpoint;
import io.racklet.boot.serve.BootFetch;
import io.racklet.boot.store.BlobStore;
import io.racklet.boot.verify.TrustPolicy;
import io.racklet.protocol.resource.BootProfileResource;
import io.racklet.time.Scheduler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Verified network boot as a precondition of power-on. When the signed rack spec assigns the node
 * a boot profile, every power-on first fetches and verifies the profile's manifest and artifacts
 * (on a worker thread: a slow mirror never stalls the power loop); only then does the node's
 * endpoint offer exactly those blobs and the node get power. A refusal keeps the node off with an
 * event giving the reason; every fetch the node makes is an event too.
 */
public final class VerifiedBoot implements PowerAdmission, AutoCloseable {
    private final String node;
    private final Scheduler scheduler;
    private final NodeReporter reporter;
    private final BootEndpoint endpoint;
    private final Path stateDir;
    // created on the first boot to prepare: a BMC without a boot profile keeps no HTTP client or thread
    private BlobStore store;
    private BootPreparation preparation;
    private ExecutorService worker;
    private Runnable reconcile = () -> {};
    private Consumer<String> abandon = c -> {};
    // on the scheduler thread
    private BootProfile profile;
    private String problem;
    private String profileCause;
    private Preparation.Prepared ready;
    private boolean preparing;

    /** @param config the endpoint's address, or null when this BMC serves no boot */
    public VerifiedBoot(String node, BootConfig config, Path stateDir, Scheduler scheduler, NodeReporter reporter) {
        this.node = node;
        this.scheduler = scheduler;
        this.reporter = reporter;
        this.stateDir = stateDir;
        this.endpoint = config == null ? null
                : BootEndpoint.start(node, new InetSocketAddress(config.host(), config.port()), this::fetched, scheduler);
    }

    private void ensureStarted() {
        if (worker != null) return;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        store = new BlobStore(stateDir.resolve("boot/blobs"), http);
        preparation = new BootPreparation(store, stateDir.resolve("boot"), http);
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "boot-" + node);
            t.setDaemon(true);
            return t;
        });
    }

    /** What to call when a preparation finished (run the power loop) or failed (stay off, with why). */
    public void bind(Runnable reconcile, Consumer<String> abandon) {
        this.reconcile = reconcile;
        this.abandon = abandon;
    }

    public URI scriptUrl() {
        return endpoint == null ? null : endpoint.scriptUrl();
    }

    /** The profile the signed spec assigns (null: the node boots however it boots, no verification). */
    public void assign(BootProfileResource resource, String cause) {
        profileCause = cause;
        problem = null;
        ready = null;
        if (resource == null) {
            profile = null;
            return;
        }
        try {
            var keys = resource.spec().keys().stream().map(PublicKey::parse).toList();
            profile = new BootProfile(resource.name(), URI.create(resource.spec().manifestUrl()),
                    TrustPolicy.of(keys, resource.spec().requiredSignatures()));
        } catch (IllegalArgumentException e) {
            profile = null;
            problem = "boot profile '" + resource.name() + "' is unusable: " + e.getMessage();
        }
    }

    @Override
    public boolean admit(String cause) {
        if (problem != null) {
            refuse(problem);
            return false;
        }
        if (profile == null) return true;
        if (ready != null) return true;
        if (endpoint == null) {
            refuse("boot profile '" + profile.name() + "' is assigned but this BMC has no boot endpoint (boot: in its configuration)");
            return false;
        }
        if (!preparing) {
            preparing = true;
            ensureStarted();
            BootProfile p = profile;
            BootPreparation preparation = this.preparation;
            worker.execute(() -> {
                Preparation result = preparation.prepare(p, scheduler);
                scheduler.schedule(Duration.ZERO, () -> prepared(p, result));
            });
        }
        return false;
    }

    private void prepared(BootProfile p, Preparation result) {
        preparing = false;
        if (p != profile) {
            reconcile.run(); // the spec changed meanwhile: prepare what it assigns now
            return;
        }
        if (result instanceof Preparation.Prepared ok) {
            ready = ok;
            endpoint.offer(ok);
            reporter.event("boot.verified", "verified " + ok.signed().name() + " version " + ok.signed().version() + " (manifest "
                    + ok.manifestId().substring(0, 16) + ", " + ok.signers().size() + " signature(s)); the node may boot it from "
                    + endpoint.scriptUrl(), profileCause);
            reconcile.run();
        } else if (result instanceof Preparation.Refused r) {
            refuse(r.refusal().reason().code() + ": " + r.refusal().message());
        }
    }

    private void refuse(String reason) {
        if (endpoint != null) endpoint.withdraw();
        reporter.event("boot.refused", "the node stays off: " + reason, profileCause);
        abandon.accept("boot refused: " + reason);
    }

    @Override
    public void withdraw() {
        ready = null;
        if (endpoint != null) endpoint.withdraw();
    }

    private void fetched(BootFetch f) {
        scheduler.schedule(Duration.ZERO, () -> reporter.event(f.status() < 300 ? "boot.fetch" : "boot.fetch.refused",
                "node fetched " + f.path() + " (" + f.what() + "): HTTP " + f.status() + ", " + f.bytes() + " bytes",
                f.manifestId() == null ? "no verified boot offered" : "manifest " + f.manifestId().substring(0, 16)));
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.shutdownNow();
            store.close();
        }
        if (endpoint != null) endpoint.close();
    }
}
