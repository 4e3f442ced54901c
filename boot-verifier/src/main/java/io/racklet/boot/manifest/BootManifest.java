package io.racklet.boot.manifest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The signed part of a boot manifest: what a node boots (kernel, initramfs, kernel command line),
 * which profile it is for, its version (never lower than the node's last verified one) and until
 * when it may be booted. Signatures cover {@link ManifestCodec#canonical(BootManifest)} of it.
 *
 * @param type      always {@link #TYPE}: a signature over a manifest is never one over anything else
 * @param name      the boot profile this manifest is for, e.g. "debian-cloud"
 * @param version   monotonic, from 1
 * @param expires   an ISO-8601 UTC instant, e.g. "2026-01-01T00:00:00Z"
 * @param cmdline   the kernel command line
 */
public record BootManifest(String type, String name, long version, String expires, Artifact kernel, Artifact initramfs, String cmdline) {
    public static final String TYPE = "racklet.io/boot-manifest/v1";
    /** Kernel command lines are bounded by the kernel itself (COMMAND_LINE_SIZE on x86 is 2048). */
    public static final int MAX_CMDLINE = 2048;

    public BootManifest {
        if (type == null) throw new IllegalArgumentException("type: missing");
        if (!TYPE.equals(type)) throw new IllegalArgumentException("type: '" + type + "' is not " + TYPE);
        if (name == null) throw new IllegalArgumentException("name: missing");
        if (!name.matches("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?")) {
            throw new IllegalArgumentException("name: '" + name + "' is not a name (lowercase letters, digits, '.', '-'; at most 63)");
        }
        if (version < 1) throw new IllegalArgumentException("version: " + version + " is not a version (1 or more)");
        if (expires == null) throw new IllegalArgumentException("expires: missing");
        parseInstant(expires);
        if (kernel == null) throw new IllegalArgumentException("kernel: missing");
        if (initramfs == null) throw new IllegalArgumentException("initramfs: missing");
        if (cmdline == null) throw new IllegalArgumentException("cmdline: missing");
        if (cmdline.length() > MAX_CMDLINE) throw new IllegalArgumentException("cmdline: longer than " + MAX_CMDLINE + " characters");
        // printable ASCII only: the line goes into an iPXE script, where a newline would add
        // commands and '$' would expand settings
        for (int i = 0; i < cmdline.length(); i++) {
            char c = cmdline.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '$') {
                throw new IllegalArgumentException("cmdline: character " + (i + 1) + " (U+%04X) is not allowed (printable ASCII, no '$')".formatted((int) c));
            }
        }
    }

    public static BootManifest of(String name, long version, Instant expires, Artifact kernel, Artifact initramfs, String cmdline) {
        return new BootManifest(TYPE, name, version, expires.toString(), kernel, initramfs, cmdline);
    }

    public Instant expiresAt() {
        return parseInstant(expires);
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expires: '" + text + "' is not an ISO-8601 UTC instant like 2026-01-01T00:00:00Z");
        }
    }
}
