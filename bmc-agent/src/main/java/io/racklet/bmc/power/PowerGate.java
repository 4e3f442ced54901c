package io.racklet.bmc.power;

import io.racklet.bmc.report.NodeReporter;
import io.racklet.protocol.message.PowerGrant;
import io.racklet.protocol.message.PowerRequest;
import io.racklet.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Admission to the rack's power budget: when the RMC announces a budget, the node is switched on
 * only after the RMC granted a request for its inrush and boot power. Whether a budget applies is
 * remembered across restarts; a BMC that has never heard from the RMC waits {@link #LEARN_TIME}
 * for its retained rack state before it decides there is none.
 */
public final class PowerGate implements PowerAdmission {
    static final Duration ASK_AGAIN = Duration.ofSeconds(10);
    static final Duration GRANT_VALID = Duration.ofSeconds(30);
    public static final Duration LEARN_TIME = Duration.ofSeconds(30);

    private final String node;
    private final PowerConfig config;
    private final InstantSource clock;
    private final Consumer<PowerRequest> send;
    private final NodeReporter reporter;
    private final Path memory;
    private final Instant startedAt;
    private Boolean known;
    private Double budget;
    private PowerRequest pending;
    /** Every request sent for the current wish to power on: a grant for any of them counts. */
    private final java.util.Set<String> asked = new java.util.HashSet<>();
    private Instant grantedAt;
    private boolean saidLearning;

    public PowerGate(String node, PowerConfig config, InstantSource clock, Consumer<PowerRequest> send, NodeReporter reporter,
            Path stateDir) {
        this.node = node;
        this.config = config;
        this.clock = clock;
        this.send = send;
        this.reporter = reporter;
        this.memory = stateDir.resolve("rack-budget");
        this.startedAt = clock.instant();
        try {
            String saved = Files.readString(memory).trim();
            budget = saved.equals("none") ? null : Double.valueOf(saved);
            known = true;
        } catch (IOException | NumberFormatException e) {
            known = null; // never heard from the RMC
        }
    }

    /** What the RMC's retained rack state says; null: no budget, no grants needed. */
    public void budget(Double watts) {
        budget = watts;
        known = true;
        try {
            AtomicFile.write(memory, (watts == null ? "none" : watts.toString()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // remembered until the next start only; the RMC repeats it on every connect
        }
    }

    public boolean required() {
        return budget != null;
    }

    /** True when the rail may be switched on now; otherwise asks the RMC (again, if it is slow). */
    public boolean admit(String cause) {
        Instant now = clock.instant();
        if (known == null) {
            if (now.isBefore(startedAt.plus(LEARN_TIME))) {
                if (!saidLearning) {
                    saidLearning = true;
                    reporter.event("power.waiting", "waiting up to " + LEARN_TIME.toSeconds()
                            + " s to learn whether the rack has a power budget", cause);
                }
                return false;
            }
            known = false; // no RMC spoke: no budget to keep
        }
        if (!required()) return true;
        if (grantedAt != null && now.isBefore(grantedAt.plus(GRANT_VALID))) {
            withdraw(); // the grant is used up: later answers to older requests change nothing
            return true;
        }
        if (pending == null || !now.isBefore(pending.issuedAt().plus(ASK_AGAIN))) {
            boolean first = pending == null;
            pending = PowerRequest.of(UUID.randomUUID().toString(), now, node, config.inrushWatts(), config.bootWatts());
            asked.add(pending.id());
            send.accept(pending);
            if (first) {
                reporter.event("power.waiting", String.format("asked the rack for %.1f W to power on (budget %.1f W)",
                        config.inrushWatts(), budget), cause);
            }
        }
        return false;
    }

    /**
     * @return null if the grant answers none of our current requests; otherwise the refusal reason,
     *         or "" when granted
     */
    public String answer(PowerGrant g) {
        if (!asked.contains(g.requestId())) return null;
        if (g.granted()) {
            grantedAt = clock.instant();
            return "";
        }
        withdraw();
        return g.reason() == null ? "refused" : g.reason();
    }

    /** The node no longer wants power (or just got it): forget every request. */
    public void withdraw() {
        pending = null;
        grantedAt = null;
        asked.clear();
    }
}
