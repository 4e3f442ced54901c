package io.racklet.boot;

/**
 * Why a boot was refused: a stable code for events and tests, and a message naming what was wrong.
 */
public record Refusal(Reason reason, String message) {

    public Refusal {
        if (reason == null || message == null) throw new IllegalArgumentException("a refusal needs a reason and a message");
    }

    /** The refusals a node's boot can meet, each a distinct attack or fault. */
    public enum Reason {
        /** The manifest is not a well-formed manifest (the message names the field). */
        MALFORMED("malformed"),
        /** The manifest is for another profile than the one the node was assigned. */
        WRONG_NAME("wrong-name"),
        /** A signature claims a key that is not among the profile's trusted keys. */
        UNKNOWN_KEY("unknown-key"),
        /** One key signed twice: it counts once, and the threshold was not met. */
        DUPLICATE_KEY("duplicate-key"),
        /** A signature by a trusted key does not verify. */
        BAD_SIGNATURE("bad-signature"),
        /** Fewer distinct trusted keys signed than the threshold asks for. */
        THRESHOLD_NOT_MET("threshold-not-met"),
        /** The manifest's expiry time has passed. */
        EXPIRED("expired"),
        /** The manifest is older than (or differs at the same version from) the last one this node verified. */
        ROLLBACK("rollback"),
        /** An artifact's length is not the declared one. */
        LENGTH_MISMATCH("length-mismatch"),
        /** An artifact's sha256 is not the declared one. */
        DIGEST_MISMATCH("digest-mismatch"),
        /** An artifact is that of another manifest (or plays another role in this one). */
        MIXED_ARTIFACTS("mixed-artifacts"),
        /** The manifest or an artifact could not be fetched. */
        FETCH_FAILED("fetch-failed");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** Stable, kebab-case: what events and exit messages carry. */
        public String code() {
            return code;
        }
    }

    @Override
    public String toString() {
        return reason.code() + ": " + message;
    }
}
