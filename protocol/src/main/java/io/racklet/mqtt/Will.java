package io.racklet.mqtt;

/** The retained message the broker publishes for a client that vanishes (its availability). */
public record Will(String topic, String payload) {}
