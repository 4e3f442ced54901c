package io.racklet.boot.manifest;

import io.racklet.boot.Sha256;

/**
 * One boot artifact as the manifest pins it: its content's sha256 and its exact length in bytes.
 * The length bounds every read of it: nothing past it is ever read, stored or served.
 */
public record Artifact(String sha256, long length) {
    /** No boot artifact is larger; a manifest declaring more is malformed, not a reason to fill a disk. */
    public static final long MAX_LENGTH = 4L << 30;

    public Artifact {
        if (sha256 == null) throw new IllegalArgumentException("sha256: missing");
        if (!Sha256.isHex(sha256)) throw new IllegalArgumentException("sha256: '" + sha256 + "' is not 64 lowercase hex digits");
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length: " + length + " is outside 1.." + MAX_LENGTH + " bytes");
        }
    }
}
