package io.racklet.bmc.energy;

/** One measurement of the node's rail. */
public record Reading(double volts, double amps, double watts) {}
