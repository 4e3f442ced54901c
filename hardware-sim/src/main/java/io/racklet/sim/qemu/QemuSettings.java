package io.racklet.sim.qemu;

import java.net.URI;
import java.nio.file.Path;

/**
 * How a QEMU compute node runs.
 *
 * @param bootUrl  the iPXE script the node network-boots from, as this host reaches it (a loopback
 *                 URL: the guest reaches the host's loopback as 10.0.2.2 through QEMU's user network)
 * @param workDir  where the node's QMP socket and QEMU's log go
 * @param memoryMb guest memory (256 is plenty for the test image)
 * @param binary   the QEMU executable (qemu-system-x86_64; software emulation, never KVM)
 */
public record QemuSettings(URI bootUrl, Path workDir, int memoryMb, String binary) {
    public static final String DEFAULT_BINARY = "qemu-system-x86_64";
    /** Where QEMU's user network puts the host's loopback, seen from the guest. */
    public static final String HOST_FROM_GUEST = "10.0.2.2";

    public QemuSettings {
        if (bootUrl == null) throw new IllegalArgumentException("QEMU node: boot URL is missing");
        if (workDir == null) throw new IllegalArgumentException("QEMU node: work folder is missing");
        if (memoryMb < 64) throw new IllegalArgumentException("QEMU node: " + memoryMb + " MiB of memory is too little to boot Linux");
        if (binary == null) binary = DEFAULT_BINARY;
    }

    public QemuSettings(URI bootUrl, Path workDir) {
        this(bootUrl, workDir, 256, DEFAULT_BINARY);
    }

    /** The boot URL as the guest sees it: loopback hosts become {@link #HOST_FROM_GUEST}. */
    public URI guestBootUrl() {
        String host = bootUrl.getHost();
        if (host == null || !(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1"))) {
            return bootUrl;
        }
        return URI.create(bootUrl.getScheme() + "://" + HOST_FROM_GUEST + (bootUrl.getPort() < 0 ? "" : ":" + bootUrl.getPort())
                + bootUrl.getRawPath() + (bootUrl.getRawQuery() == null ? "" : "?" + bootUrl.getRawQuery()));
    }
}
