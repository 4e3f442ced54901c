package io.racklet.protocol.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.racklet.config.ConfigLoader;
import io.racklet.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Encodes and decodes {@link Message}s; a bad payload becomes a {@link MalformedMessageException}. */
public final class Messages {
    /** Payloads above this size are rejected before parsing: no message kind comes near it. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private Messages() {}

    public static byte[] encode(Message m) {
        try {
            return Json.json().writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + m, e);
        }
    }

    public static <T extends Message> T decode(byte[] payload, Class<T> type) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new MalformedMessageException(type.getSimpleName() + ": payload of " + payload.length
                    + " bytes exceeds " + MAX_PAYLOAD_BYTES);
        }
        ObjectReader reader = Json.json().readerFor(type)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        try {
            T m = reader.readValue(payload);
            if (m == null) throw new MalformedMessageException(type.getSimpleName() + ": empty payload");
            return m;
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException(
                    ConfigLoader.describe(type.getSimpleName(), e) + " in '" + preview(payload) + "'", e);
        } catch (IOException e) {
            throw new MalformedMessageException(type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static void require(int v, Object timestamp) {
        if (v != Message.VERSION) {
            throw new IllegalArgumentException("unsupported message version " + v + " (expected " + Message.VERSION + ")");
        }
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp is required");
        }
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /** An immutable copy of a list field: absent is empty; a null entry is malformed (List.copyOf would throw NPE). */
    static <T> List<T> list(String field, List<T> values) {
        if (values == null) return List.of();
        if (values.stream().anyMatch(Objects::isNull)) throw new IllegalArgumentException(field + " must not hold null");
        return List.copyOf(values);
    }

    private static String preview(byte[] payload) {
        String s = new String(payload, 0, Math.min(payload.length, 120), StandardCharsets.UTF_8);
        return payload.length > 120 ? s + "..." : s;
    }
}
