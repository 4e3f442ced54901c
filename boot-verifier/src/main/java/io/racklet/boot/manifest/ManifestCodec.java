package io.racklet.boot.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.racklet.boot.BootRefusedException;
import io.racklet.boot.Refusal;
import io.racklet.boot.Sha256;
import io.racklet.json.Json;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Manifests to and from JSON. The canonical form, which signatures cover, follows RFC 8785 (JCS)
 * for the values a manifest holds: UTF-8; no whitespace; object members sorted by name (UTF-16
 * code units); strings with only {@code \"} and {@code \\} escaped (control characters are
 * refused by the model, so no other escapes occur); integers without sign, fraction or exponent;
 * no floating-point numbers. Decoding is strict: an unknown, missing, repeated or mistyped field is
 * refused with its path; numbers are never read from strings or fractions, strings never from numbers.
 */
public final class ManifestCodec {
    /** A manifest is small; a bigger document is not one (and is not read further). */
    public static final int MAX_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = strict(Json.configure(JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // records' properties are all creator properties: without this they keep declaration order
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build()));

    private ManifestCodec() {}

    private static ObjectMapper strict(ObjectMapper m) {
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        for (CoercionInputShape shape : CoercionInputShape.values()) {
            m.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
            m.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return m;
    }

    /** The bytes signatures cover. */
    public static byte[] canonical(BootManifest m) {
        return write(m);
    }

    /** The whole published document, itself in canonical form. */
    public static byte[] encode(SignedManifest m) {
        return write(m);
    }

    /** sha256 (hex) of the canonical signed part. */
    public static String id(BootManifest m) {
        return Sha256.hex(canonical(m));
    }

    private static byte[] write(Object o) {
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest always serializes", e);
        }
    }

    /** @throws BootRefusedException {@link Refusal.Reason#MALFORMED}, naming the field */
    public static SignedManifest decode(byte[] json) throws BootRefusedException {
        if (json.length > MAX_BYTES) {
            throw new BootRefusedException(Refusal.Reason.MALFORMED, "manifest is larger than " + MAX_BYTES + " bytes");
        }
        try {
            SignedManifest m = MAPPER.readValue(json, SignedManifest.class);
            if (m == null) throw new BootRefusedException(Refusal.Reason.MALFORMED, "manifest: empty document");
            return m;
        } catch (JsonMappingException e) {
            throw new BootRefusedException(new Refusal(Refusal.Reason.MALFORMED, describe(e)), e);
        } catch (IOException e) {
            throw new BootRefusedException(new Refusal(Refusal.Reason.MALFORMED, "not JSON: " + firstLine(e.getMessage())), e);
        }
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            // the model's own check: "<field>: <problem>", relative to the object being built
            String msg = cause.getMessage();
            return "field '" + (path.isEmpty() ? "" : path + ".") + msg.replaceFirst(": ", "': ");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "field '" + path + "': unknown field '" + u.getPropertyName() + "'";
        }
        String problem = firstLine(e.getOriginalMessage());
        if (problem.startsWith("Missing required creator property")) problem = "missing";
        if (problem.startsWith("Null value for creator property")) problem = "null";
        return "field '" + (path.isEmpty() ? "(document)" : path) + "': " + problem;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
