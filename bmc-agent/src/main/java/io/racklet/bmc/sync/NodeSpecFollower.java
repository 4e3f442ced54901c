package io.racklet.bmc.sync;

import io.racklet.bmc.boot.VerifiedBoot;
import io.racklet.bmc.power.PowerController;
import io.racklet.protocol.message.PowerState;
import io.racklet.protocol.resource.NodeResource;
import io.racklet.sync.AgentSync;
import io.racklet.sync.AppliedSpec;
import io.racklet.sync.SyncTarget;

/**
 * The BMC's part of the signed rack spec: its own node's declared power and boot profile. A declared state is
 * acted on when a new commit changes it (or first declares it); between commits, commands may
 * switch the node and the BMC does not undo them. A spec restored at start is remembered, not
 * re-applied, so a restart never toggles a node.
 */
public final class NodeSpecFollower implements SyncTarget {
    private final String node;
    private final PowerController power;
    private final VerifiedBoot boot;
    private final AgentSync.Events events;
    private PowerState declared;
    private boolean known;

    public NodeSpecFollower(String node, PowerController power, VerifiedBoot boot, AgentSync.Events events) {
        this.node = node;
        this.power = power;
        this.boot = boot;
        this.events = events;
    }

    @Override
    public void apply(AppliedSpec spec) {
        NodeResource n = spec.declaration().node(node).orElse(null);
        PowerState now = n == null ? null : n.spec().power();
        // the boot profile applies to the next power-on, whatever the node is doing now
        boot.assign(n == null || n.spec().bootProfile() == null ? null
                : spec.declaration().bootProfile(n.spec().bootProfile()).orElse(null), spec.cause());
        if (spec.restored()) {
            declared = now;
            known = true;
            return;
        }
        if (n == null) {
            if (!known || declared != null) {
                events.event("sync.node.undeclared", "the rack spec does not declare node " + node + "; its power is left as it is", spec.cause());
            }
        } else if (now != null && (!known || now != declared)) {
            power.declare(now == PowerState.ON, spec.cause() + ": " + node + " power " + now);
        }
        declared = now;
        known = true;
    }

    @Override
    public void refused(String commit, String reason) {
        // the last good state stays in force; the event was reported by AgentSync
    }
}
