package io.racklet.boot.manifest;

/** What an artifact is to the node; also its name in the boot endpoint's paths. */
public enum ArtifactRole {
    KERNEL("kernel"),
    INITRAMFS("initramfs");

    private final String label;

    ArtifactRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Artifact of(BootManifest m) {
        return this == KERNEL ? m.kernel() : m.initramfs();
    }
}
