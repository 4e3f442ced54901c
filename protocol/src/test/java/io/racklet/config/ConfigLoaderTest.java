package io.racklet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    enum Mode { FAST, SAFE }

    record Limits(int maxClients, boolean strict) {}

    /** A small config shaped like the agents' ones: nested record, duration, enum, self-validation. */
    record ServerConfig(String name, int port, Duration timeout, Mode mode, Limits limits) {
        ServerConfig {
            if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1-65535, got " + port);
        }
    }

    // line numbers below refer to this text
    private static final String VALID = """
            name: web
            port: 8080
            timeout: 250ms
            mode: FAST
            limits:
              maxClients: 3
              strict: true
            """;

    @TempDir
    Path dir;

    private static ConfigException failure(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse("test.yaml", yaml, ServerConfig.class));
    }

    @Test
    void bindsNestedRecordDurationAndEnum() {
        ServerConfig c = ConfigLoader.parse("test.yaml", VALID, ServerConfig.class);
        assertThat(c).isEqualTo(new ServerConfig("web", 8080, Duration.ofMillis(250), Mode.FAST, new Limits(3, true)));
    }

    @Test
    void loadsFromFile() throws Exception {
        Path file = Files.writeString(dir.resolve("server.yaml"), VALID);
        assertThat(ConfigLoader.load(file, ServerConfig.class).port()).isEqualTo(8080);
    }

    @Test
    void unknownFieldIsNamedWithTheKnownOnes() {
        ConfigException e = failure(VALID + "colour: red\n");
        assertThat(e.getMessage())
                .startsWith("test.yaml:8:")
                .contains("field 'colour'", "unknown field")
                .contains("name", "port", "timeout", "mode", "limits");
    }

    @Test
    void unknownNestedFieldIsNamedWithItsPath() {
        ConfigException e = failure(VALID + "  burst: 10\n");
        assertThat(e.getMessage()).startsWith("test.yaml:8:").contains("field 'limits.burst'", "unknown field", "maxClients", "strict");
    }

    @Test
    void textForAWholeNumberNamesFieldValueAndExpectation() {
        ConfigException e = failure(VALID.replace("port: 8080", "port: abc"));
        assertThat(e.getMessage()).isEqualTo("test.yaml:2:7: field 'port': 'abc' is not a valid whole number");
    }

    @Test
    void wrongTypeInNestedRecordAndBoolean() {
        assertThat(failure(VALID.replace("maxClients: 3", "maxClients: many")).getMessage())
                .isEqualTo("test.yaml:6:15: field 'limits.maxClients': 'many' is not a valid whole number");
        assertThat(failure(VALID.replace("strict: true", "strict: maybe")).getMessage())
                .startsWith("test.yaml:7:").contains("field 'limits.strict'", "boolean (true or false)");
    }

    @Test
    void missingPrimitiveFieldIsNamedAndCalledMissing() {
        // a primitive has no null to default from: leaving it out must be an error that says so
        ConfigException e = failure(VALID.replace("port: 8080\n", ""));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("test.yaml:").contains("field 'port'").containsIgnoringCase("missing")
                .doesNotContain("DeserializationFeature");
    }

    @Test
    void duplicateKeyIsReportedWithItsLine() {
        ConfigException e = failure(VALID + "port: 9090\n");
        assertThat(e.getMessage()).startsWith("test.yaml:8:").containsIgnoringCase("duplicate").contains("port");
    }

    @Test
    void invalidDurationNamesValueAndExample() {
        ConfigException e = failure(VALID.replace("250ms", "soon"));
        assertThat(e.getMessage()).isEqualTo("test.yaml:3:10: field 'timeout': 'soon' is not a valid duration (e.g. 250ms, 1s, 5m)");
    }

    @Test
    void invalidEnumListsTheAllowedValues() {
        ConfigException e = failure(VALID.replace("mode: FAST", "mode: slow"));
        assertThat(e.getMessage()).isEqualTo("test.yaml:4:7: field 'mode': 'slow' is not a valid value (one of FAST, SAFE)");
    }

    @Test
    void constructorValidationMessageSurfacesWithLocation() {
        ConfigException e = failure(VALID.replace("port: 8080", "port: 0"));
        assertThat(e.getMessage()).matches("test\\.yaml:\\d+:\\d+: port must be 1-65535, got 0");
    }

    @Test
    void messagesOfLoadedFilesNameThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("server.yaml"), VALID.replace("port: 8080", "port: abc"));
        assertThatThrownBy(() -> ConfigLoader.load(file, ServerConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":2:7: field 'port'");
    }

    @Test
    void missingFileNamesThePath() {
        Path file = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(file, ServerConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": file not found");
    }

    @Test
    void emptyFileIsAnErrorNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "");
        assertThatThrownBy(() -> ConfigLoader.load(file, ServerConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString());
        assertThat(failure("---\n").getMessage()).isEqualTo("test.yaml: file is empty");
    }

    @Test
    void emptyOrCommentOnlyFileSaysSo() {
        assertThat(failure("").getMessage()).isEqualTo("test.yaml: file is empty");
        assertThat(failure("# nothing configured yet\n").getMessage()).isEqualTo("test.yaml: file is empty");
    }

    record WithDefault(String name, Integer retries) {
        WithDefault {
            if (retries == null) retries = 3;
        }
    }

    @Test
    void omittedOptionalFieldGetsTheRecordsDefault() {
        assertThat(ConfigLoader.parse("test.yaml", "name: x\n", WithDefault.class).retries()).isEqualTo(3);
    }

    @Test
    void explicitNullGetsTheRecordsDefault() {
        assertThat(ConfigLoader.parse("test.yaml", "name: x\nretries: ~\n", WithDefault.class).retries()).isEqualTo(3);
    }
}
