package io.racklet.protocol.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @Test
    void buildsTopicsFromRackNodeAndKind() {
        assertThat(Topics.topic("demo", "node-1", TopicKind.TELEMETRY)).isEqualTo("racklet/demo/node-1/telemetry");
        assertThat(Topics.topic("demo", Topics.RMC, TopicKind.AVAILABILITY)).isEqualTo("racklet/demo/rmc/availability");
    }

    @Test
    void buildsFilters() {
        assertThat(Topics.allNodes("demo", TopicKind.STATE)).isEqualTo("racklet/demo/+/state");
        assertThat(Topics.everything("demo")).isEqualTo("racklet/demo/#");
    }

    @ParameterizedTest
    @EnumSource(TopicKind.class)
    void parseInvertsTopicForEveryKind(TopicKind kind) {
        assertThat(Topics.parse(Topics.topic("r1", "n-2", kind)))
                .contains(new Topics.Address("r1", "n-2", kind));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "racklet/demo/node-1/telemetry/extra", // extra segment
        "racklet/demo/telemetry",              // missing segment
        "racklet/demo/node-1/",                // empty kind
        "racklet/demo/node-1/logs",            // unknown kind
        "racklet/demo/node-1/Telemetry",       // kinds are lower case
        "other/demo/node-1/telemetry",         // foreign root
        "racklet/Demo/node-1/telemetry",       // upper-case rack
        "racklet/demo/node_1/telemetry",       // '_' is not allowed
        "racklet/demo/+/telemetry",            // a filter is not a topic
        "racklet/demo/-node/telemetry",        // must start alphanumeric
        ""
    })
    void parseRejectsTopicsOutsideTheScheme(String topic) {
        assertThat(Topics.parse(topic)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Node-1", "node_1", "-node", "node-", "", "a/b", "+", "#"})
    void rejectsBadNamesWhenBuilding(String name) {
        assertThatThrownBy(() -> Topics.topic("demo", name, TopicKind.STATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "' is not a valid name");
        assertThatThrownBy(() -> Topics.allNodes(name, TopicKind.STATE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.everything(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreDnsLabelsOfAtMost63Characters() {
        assertThat(Topics.isName("a")).isTrue();
        assertThat(Topics.isName("0")).isTrue();
        assertThat(Topics.isName("a".repeat(63))).isTrue();
        assertThat(Topics.isName("a".repeat(64))).isFalse();
        assertThat(Topics.isName(null)).isFalse();
    }
}
