package io.racklet.cli.spec;

/**
 * A commented example rack spec: what {@code racklet spec init} writes and what the demo starts
 * from. Every resource kind appears, so the file doubles as documentation.
 */
public final class RackTemplate {
    private RackTemplate() {}

    /**
     * @param adminKey an SSH public key line for the admin who signs the repository, or null to
     *                 leave the User commented out
     */
    public static String yaml(String rack, int nodes, Double budgetWatts, String adminName, String adminKey) {
        return yaml(rack, nodes, budgetWatts, adminName, adminKey, null, null);
    }

    /**
     * A boot profile for the first {@code nodes} nodes: they network-boot the manifest at
     * {@code manifestUrl}, signed by {@code key} (an Ed25519 public key, base64 of the raw bytes).
     */
    public record Boot(String profile, String manifestUrl, String key, int nodes) {}

    /** @param adminPasswordHash bcrypt hash of the admin's password for the controller, or null */
    public static String yaml(String rack, int nodes, Double budgetWatts, String adminName, String adminKey, String adminPasswordHash,
            Boot boot) {
        StringBuilder b = new StringBuilder("""
                # The rack's declared state: Kubernetes-style resources (racklet.io/v1alpha1), in one
                # file or many. Check it with:  ./racklet spec validate <folder>
                # Every agent applies only commits signed by a trusted admin key (see the User below).
                apiVersion: racklet.io/v1alpha1
                kind: Rack
                metadata:
                  name: %s
                spec:
                  description: A 10-inch rack of Raspberry Pis
                %s  # how many admins trusted before a change to the admins must sign it
                  trustThreshold: 1
                ---
                # How the RMC cools the rack: a cascaded PID holding the air above the nodes at 33 C.
                apiVersion: racklet.io/v1alpha1
                kind: FanPolicy
                metadata:
                  name: quiet
                spec:
                  mode: pid
                  targetCelsius: 33
                  hysteresisCelsius: 0.2
                  pid: {kp: 600, ki: 25, kd: 0}
                  fanPid: {kp: 0.01, ki: 0.05, kd: 0}
                  rpm: {min: 900, max: 4200}
                  # fan duty (%%) when a sensor goes stale, a fan fails, or no policy is valid
                  failsafe: {sensorStale: 100, fanFailure: 100, noPolicy: 80}
                  # node temperatures: warn, then throttle hints, then graceful shutdown
                  thermal: {warnCelsius: 70, criticalCelsius: 80, shutdownCelsius: 90}
                """.formatted(rack, budgetWatts == null
                        ? "  # what the rack's supply may deliver; nodes power on in turn to stay inside it\n  # powerBudgetWatts: 60\n"
                        : "  # what the rack's supply may deliver: nodes power on in turn to stay inside it\n  powerBudgetWatts: "
                        + budgetWatts + "\n"));
        b.append(adminKey == null ? """
                ---
                # Admins sign the repository; their keys are trusted only if an admin trusted before
                # signed the change. Fill in and uncomment:
                # apiVersion: racklet.io/v1alpha1
                # kind: User
                # metadata:
                #   name: alice
                # spec:
                #   role: admin
                #   signingKeys:
                #   - ssh: "ssh-ed25519 AAAA... alice@laptop"
                """ : """
                ---
                # An admin: commits signed with this key are applied by every agent. A change to the
                # admins must be signed by an admin trusted before it.
                apiVersion: racklet.io/v1alpha1
                kind: User
                metadata:
                  name: %s
                spec:
                  role: admin
                  signingKeys:
                  - ssh: "%s"
                """.formatted(adminName, adminKey.strip()));
        if (adminKey != null && adminPasswordHash != null) {
            b.append("  # bcrypt of the password for the dashboard, API and Redfish (./racklet spec hash-password)\n")
                    .append("  passwordHash: \"").append(adminPasswordHash).append("\"\n");
        }
        if (boot != null) {
            b.append("""
                    ---
                    # What nodes network-boot: the BMC fetches this manifest, checks its signatures, version,
                    # expiry and every artifact's digest and length, and only then powers the node on.
                    apiVersion: racklet.io/v1alpha1
                    kind: BootProfile
                    metadata:
                      name: %s
                    spec:
                      manifestUrl: %s
                      threshold: 1
                      keys: ["%s"]
                    """.formatted(boot.profile(), boot.manifestUrl(), boot.key()));
        }
        for (int i = 1; i <= nodes; i++) {
            b.append("""
                    ---
                    # A compute node in slot %d; its BMC switches it to the declared power state.
                    apiVersion: racklet.io/v1alpha1
                    kind: Node
                    metadata:
                      name: node-%d
                    spec:
                      slot: %d
                      power: "on"
                    """.formatted(i, i, i));
            if (boot != null && i <= boot.nodes()) b.append("  bootProfile: ").append(boot.profile()).append('\n');
        }
        return b.toString();
    }
}
