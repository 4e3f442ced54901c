package io.racklet.protocol.resource;

/** The rack itself: one per rack repository. */
public record RackResource(Metadata metadata, Spec spec) implements Resource {

    /**
     * @param description      free text shown on dashboards
     * @param powerBudgetWatts what the rack's supply may deliver; null for no budget
     * @param trustThreshold   distinct admins, trusted before a change, who must sign a change to
     *                         the admins or their keys; null means 1
     */
    public record Spec(String description, Double powerBudgetWatts, Integer trustThreshold) {
        public int threshold() {
            return trustThreshold == null ? 1 : trustThreshold;
        }
    }
}
