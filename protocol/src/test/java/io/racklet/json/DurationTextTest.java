package io.racklet.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, 250",
        "1s, 1000",
        "1.5s, 1500",
        "5m, 300000",
        "1h, 3600000",
        "PT2S, 2000",
        "' 10 s ', 10000"
    })
    void parsesHumanAndIsoForms(String text, long millis) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "5 minutes", "", "-1s"})
    void rejectsTextThatIsNoDurationNamingTheValue(String text) {
        assertThatThrownBy(() -> DurationText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("not a duration");
    }

    @ParameterizedTest
    @CsvSource({"250, 250ms", "1000, 1s", "90000, 90s", "300000, 5m", "7200000, 2h", "0, 0s", "1500, 1500ms"})
    void formatsInTheLargestWholeUnit(long millis, String text) {
        assertThat(DurationText.format(Duration.ofMillis(millis))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 250, 1000, 1500, 60_000, 61_000, 3_600_000, 5_400_000, 86_400_000})
    void formatRoundTripsThroughParse(long millis) {
        Duration d = Duration.ofMillis(millis);
        assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
    }

    @Test
    void projectMapperWritesAndReadsDurationsInTheShortForm() throws Exception {
        assertThat(Json.json().writeValueAsString(Duration.ofMinutes(5))).isEqualTo("\"5m\"");
        assertThat(Json.json().readValue("\"250ms\"", Duration.class)).isEqualTo(Duration.ofMillis(250));
    }
}
