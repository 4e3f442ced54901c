package io.racklet.bmc;

import io.racklet.protocol.message.BootState;
import io.racklet.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How far the node's boot has got: off with the rail, booting once on, booted at the ready
 * marker. Whether the current boot reached the marker is saved, so that an agent restarted under
 * a running node (whose marker went by long ago) still knows it booted.
 */
final class BootTracker {
    private final boolean hasConsole;
    private final Path file;
    private boolean markerSeen;

    BootTracker(boolean hasConsole, Path stateDir) {
        this.hasConsole = hasConsole;
        this.file = stateDir.resolve("booted");
    }

    /** At agent start: a rail found on keeps the saved boot state; a rail found off has no boot. */
    void adopt(boolean powered) {
        try {
            markerSeen = powered && Files.readString(file, StandardCharsets.UTF_8).trim().equals("booted");
        } catch (IOException e) {
            markerSeen = false;
        }
        if (!powered) save();
    }

    /** The rail went off or on: a new boot begins, the old marker no longer counts. */
    void powerChanged() {
        markerSeen = false;
        save();
    }

    /** @return true if this changes the state (first marker of this boot) */
    boolean markerSeen(boolean powered) {
        if (!powered || markerSeen) return false;
        markerSeen = true;
        save();
        return true;
    }

    BootState state(boolean powered) {
        if (!powered) return BootState.OFF;
        if (markerSeen) return BootState.BOOTED;
        return hasConsole ? BootState.BOOTING : BootState.UNKNOWN;
    }

    private void save() {
        try {
            AtomicFile.write(file, (markerSeen ? "booted\n" : "not booted\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // only costs a "booting" instead of "booted" after a restart; power control goes on
        }
    }
}
