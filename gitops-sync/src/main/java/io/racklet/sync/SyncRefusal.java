package io.racklet.sync;

/** Why a fetched head is not applied; {@code commit} names the commit at fault when there is one. */
public class SyncRefusal extends Exception {
    private final String commit;

    public SyncRefusal(String commit, String reason) {
        super(reason);
        this.commit = commit;
    }

    public String commit() {
        return commit;
    }
}
