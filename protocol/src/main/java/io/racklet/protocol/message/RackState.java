package io.racklet.protocol.message;

import java.time.Instant;

/**
 * The RMC's retained rack-wide state, on {@code racklet/<rack>/rmc/state}. BMCs read it to learn
 * whether powering on needs a grant from the rack's power budget.
 *
 * @param budgetWatts the rack's power budget, null if the spec sets none (no grants needed)
 * @param policy      the fan policy in force ("pid", "curve") or "failsafe"
 * @param cause       why the state last changed
 */
public record RackState(int v, Instant ts, Double budgetWatts, String policy, String cause) implements Message {
    public RackState {
        Messages.require(v, ts);
    }

    public static RackState of(Instant ts, Double budgetWatts, String policy, String cause) {
        return new RackState(VERSION, ts, budgetWatts, policy, cause);
    }
}
