package io.racklet.sync;

/** The agent side of a sync: takes its part of each verified spec, and hears each refusal. */
public interface SyncTarget {
    /** A newly verified (or, at start, restored) spec; the agent applies only its own part. */
    void apply(AppliedSpec spec);

    /** A fetch or verification failed; the last good spec stays applied. */
    void refused(String commit, String reason);
}
