package io.racklet.controller.rack;

import io.racklet.protocol.message.SyncStatus;

import io.racklet.protocol.message.BootState;
import io.racklet.protocol.message.PowerState;
import java.time.Instant;

/**
 * What the controller knows of one node, as served by {@code GET /api/v1/nodes}.
 *
 * @param boot      off, booting, booted (ready marker seen) or unknown (no console)
 * @param watts     mean power over the latest telemetry interval; wattsMin/wattsMax its extremes
 * @param energyWh  the node's energy counter
 * @param celsius   the temperature beside the node, null without a thermometer
 * @param updatedAt time of the latest telemetry sample, null before the first
 * @param sensor    the power monitor's health: ok, failed (or unknown before a report)
 * @param console   the serial console's health: ok, lost, none
 * @param online    whether the node's BMC agent is connected (its availability topic)
 * @param sync      the BMC's own view of the signed rack repository (applied commit, signer, refusal), null before a report
 */
public record NodeView(String name, Integer slot, PowerState power, BootState boot, double watts, double wattsMin,
        double wattsMax, double volts, double amps, double energyWh, Double celsius, Instant updatedAt, String sensor,
        String console, boolean online, String cause, SyncStatus sync) {}
