package io.racklet.controller.identity;

/** What a certificate's holder is to the rack; the certificate's OU, and what broker ACLs key on. */
public enum IdentityRole {
    /** A node's BMC agent: publishes its own node's topics, reads its own commands. */
    bmc,
    /** The rack's RMC agent. */
    rmc,
    /** The controller: serves HTTPS and the broker, reads and commands everything. */
    controller,
    /** A dashboard or mosquitto_sub: reads only. */
    reader
}
