package io.racklet.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;

/** The project's one Jackson setup, shared by messages, resources, config files and the API. */
public final class Json {
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
    private static final ObjectMapper YAML = configure(YAMLMapper.builder().build());

    private Json() {}

    /**
     * JSON mapper: ISO-8601 timestamps, "1s"-style durations. Missing fields bind to null so that
     * records can default optional values; messages additionally require every field.
     */
    public static ObjectMapper json() {
        return JSON;
    }

    public static ObjectMapper yaml() {
        return YAML;
    }

    /** Applies the project's settings to a mapper created elsewhere (e.g. the controller's). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule durations = new SimpleModule("racklet-durations");
        durations.addDeserializer(Duration.class, new DurationText.Deserializer());
        durations.addSerializer(Duration.class, new DurationText.Serializer());
        // a key written twice is a mistake, never "the last one wins"
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(durations)
                // absent values are written as null: API clients see every field, always
                .setSerializationInclusion(JsonInclude.Include.ALWAYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
