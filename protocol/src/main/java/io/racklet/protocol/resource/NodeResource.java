package io.racklet.protocol.resource;

import io.racklet.protocol.message.PowerState;

/** A compute node in a slot of the rack, with its BMC. */
public record NodeResource(Metadata metadata, Spec spec) implements Resource {

    /**
     * @param slot        tray position, 1 at the top
     * @param power       desired power state; the BMC reconciles towards it (null: not declared)
     * @param bootProfile the {@link BootProfileResource} the node network-boots (null: none)
     */
    public record Spec(int slot, PowerState power, String bootProfile) {}
}
