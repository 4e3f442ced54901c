package io.racklet.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MqttConnectionMatchesTest {

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
        "a/b/c, a/b/c",
        "a/+/c, a/b/c",
        "+/+/+, a/b/c",
        "a/#, a/b/c",
        "a/#, a/b",
        "a/#, a",          // '#' also matches the parent level (MQTT 3.1.1, 4.7.1.2)
        "#, a/b/c",
        "a/+, a/",         // '+' matches an empty level
        "racklet/demo/+/telemetry, racklet/demo/node-1/telemetry",
        "racklet/demo/#, racklet/demo/rmc/availability"
    })
    void matches(String filter, String topic) {
        assertThat(MqttConnection.matches(filter, topic)).isTrue();
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource({
        "a/b/c, a/b",
        "a/b, a/b/c",
        "a/+/c, a/b/d",
        "a/+, a/b/c",      // '+' is exactly one level
        "+, a/b",
        "a/#, b/a",
        "racklet/demo/+/telemetry, racklet/demo/node-1/state",
        "racklet/demo/#, racklet/other/node-1/state",
        "A/b, a/b"         // topics are case-sensitive
    })
    void doesNotMatch(String filter, String topic) {
        assertThat(MqttConnection.matches(filter, topic)).isFalse();
    }
}
