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
 * @param firmware how the machine comes to run iPXE
 */
public record QemuSettings(URI bootUrl, Path workDir, int memoryMb, String binary, Firmware firmware) {
    public static final String DEFAULT_BINARY = "qemu-system-x86_64";
    /** Where QEMU's user network puts the host's loopback, seen from the guest, and the guest's own address. */
    public static final String HOST_FROM_GUEST = "10.0.2.2", GUEST_ADDRESS = "10.0.2.15";

    /** Debian's iPXE built as a Linux kernel image (package ipxe). */
    public static final Path IPXE_KERNEL = Path.of("/usr/lib/ipxe/ipxe.lkrn");

    /** How the machine starts network-booting. */
    public enum Firmware {
        /**
         * PXE as a PC does it: the NIC's iPXE option ROM, DHCP from QEMU's user network handing out
         * the boot URL. About 5 s slower: the ROM's 2 s Ctrl-B prompt, and iPXE waiting 2-3 s for
         * ProxyDHCP offers that never come.
         */
        NIC_ROM,
        /**
         * iPXE loaded as the machine's firmware ({@link #IPXE_KERNEL}, the NIC's ROM disabled) with
         * the node's fixed address on its link to the BMC: no prompt, no DHCP, straight to the boot URL.
         */
        IPXE_KERNEL
    }

    public QemuSettings {
        if (bootUrl == null) throw new IllegalArgumentException("QEMU node: boot URL is missing");
        if (workDir == null) throw new IllegalArgumentException("QEMU node: work folder is missing");
        if (memoryMb < 64) throw new IllegalArgumentException("QEMU node: " + memoryMb + " MiB of memory is too little to boot Linux");
        if (binary == null) binary = DEFAULT_BINARY;
        if (firmware == null) firmware = Firmware.IPXE_KERNEL;
    }

    /** 256 MiB, iPXE as firmware. */
    public QemuSettings(URI bootUrl, Path workDir) {
        this(bootUrl, workDir, 256, DEFAULT_BINARY, Firmware.IPXE_KERNEL);
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
