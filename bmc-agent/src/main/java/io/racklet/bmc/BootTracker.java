package io.racklet.bmc;

import io.racklet.protocol.message.BootState;

/** How far the node's boot has got: off with the rail, booting once on, booted at the ready marker. */
final class BootTracker {
    private final boolean hasConsole;
    private boolean markerSeen;

    BootTracker(boolean hasConsole) {
        this.hasConsole = hasConsole;
    }

    /** The rail went off or on: a new boot begins, the old marker no longer counts. */
    void powerChanged() {
        markerSeen = false;
    }

    /** @return true if this changes the state (first marker of this boot) */
    boolean markerSeen(boolean powered) {
        if (!powered || markerSeen) return false;
        markerSeen = true;
        return true;
    }

    BootState state(boolean powered) {
        if (!powered) return BootState.OFF;
        if (markerSeen) return BootState.BOOTED;
        return hasConsole ? BootState.BOOTING : BootState.UNKNOWN;
    }
}
