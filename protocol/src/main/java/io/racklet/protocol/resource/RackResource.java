package io.racklet.protocol.resource;

/** The rack itself: one per rack repository. */
public record RackResource(Metadata metadata, Spec spec) implements Resource {

    /**
     * @param description      free text shown on dashboards
     * @param powerBudgetWatts what the rack's supply may deliver; null for no budget
     */
    public record Spec(String description, Double powerBudgetWatts) {}
}
