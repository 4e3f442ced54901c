package io.racklet.boot.serve;

/** Told of every request to a boot endpoint, after it was answered. Must not block. */
@FunctionalInterface
public interface FetchListener {
    void fetched(BootFetch fetch);
}
