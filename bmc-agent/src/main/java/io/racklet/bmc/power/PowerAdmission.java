package io.racklet.bmc.power;

/**
 * A precondition of switching the node on, checked in order on every pass of the power loop:
 * verified boot first (a refused image must not take budget), then the rack's power budget.
 */
public interface PowerAdmission {
    /** True when the node may be switched on now; false to wait (the admission re-runs the loop when ready). */
    boolean admit(String cause);

    /** The node is no longer wanted on: drop anything held for it. */
    void withdraw();

    /** Admits only when every step admits, asking each in turn (a later one is not asked before an earlier one agrees). */
    static PowerAdmission inOrder(PowerAdmission... steps) {
        return new PowerAdmission() {
            @Override
            public boolean admit(String cause) {
                for (PowerAdmission s : steps) {
                    if (!s.admit(cause)) return false;
                }
                return true;
            }

            @Override
            public void withdraw() {
                for (PowerAdmission s : steps) s.withdraw();
            }
        };
    }
}
