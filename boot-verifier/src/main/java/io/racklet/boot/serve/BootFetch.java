package io.racklet.boot.serve;

import java.time.Instant;

/**
 * One request the node made to its BMC's boot endpoint (the BMC records each as an event).
 *
 * @param what       "script", "kernel", "initramfs" or "other"
 * @param status     the HTTP status answered (404: not a verified blob of the offered boot)
 * @param bytes      bytes of body sent
 * @param manifestId the manifest the answer belongs to, or null
 */
public record BootFetch(String node, Instant at, String remote, String path, String what, int status, long bytes, String manifestId) {}
