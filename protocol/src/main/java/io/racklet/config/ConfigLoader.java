package io.racklet.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.racklet.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The one loader for every agent's and the controller's YAML configuration. Binds a file to a
 * record, rejects unknown fields, and turns every problem into a {@link ConfigException} naming
 * the file, the line, the field and what was expected. Records validate their own values in
 * their compact constructors by throwing {@link IllegalArgumentException}.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    public static <T> T load(Path file, Class<T> type) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text, type);
    }

    public static <T> T parse(String source, String yaml, Class<T> type) {
        if (yaml.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#") || l.strip().equals("---"))) {
            throw new ConfigException(source + ": file is empty");
        }
        ObjectReader reader = Json.yaml().readerFor(type)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            T value = reader.readValue(yaml);
            if (value == null) {
                throw new ConfigException(source + ": file is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(source, e), e);
        } catch (IOException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * "file:line:col: field 'a.b': problem" from Jackson's exception, without its internals. Used by
     * every parser of outside input (config, messages, API bodies), so all their errors read alike.
     */
    public static String describe(String source, JsonProcessingException e) {
        StringBuilder out = new StringBuilder(source);
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            out.append(':').append(loc.getLineNr()).append(':').append(loc.getColumnNr());
        }
        out.append(": ");
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            out.append("field '").append(field).append("': ");
        }
        out.append(problem(e));
        return out.toString();
    }

    private static String problem(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field")) {
            return "duplicate key " + original.substring("Duplicate field ".length()).replace("'", "'");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field; expected one of " + u.getKnownPropertyIds();
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + f.getValue() + "' is not a valid " + simpleName(f.getTargetType());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return root.getMessage();
        }
        if (e instanceof MismatchedInputException m) {
            String msg = m.getOriginalMessage();
            if (msg.startsWith("Missing required creator property") || msg.startsWith("Missing creator property")) {
                return "missing (required)";
            }
            if (msg.contains("Null value for creator property")) {
                return "must not be empty";
            }
            if (msg.startsWith("Cannot map `null` into type")) {
                return "missing (required)";
            }
            return "expected " + simpleName(m.getTargetType()) + " (" + firstSentence(msg) + ")";
        }
        return firstSentence(e.getOriginalMessage());
    }

    private static String simpleName(Class<?> type) {
        if (type == null) return "value";
        if (type.isEnum()) {
            return "value (one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) + ")";
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long" -> "whole number";
            case "double", "Double", "float", "Float" -> "number";
            case "boolean", "Boolean" -> "boolean (true or false)";
            case "String" -> "text";
            case "Duration" -> "duration (e.g. 250ms, 1s, 5m)";
            default -> type.getSimpleName();
        };
    }

    private static String firstSentence(String msg) {
        if (msg == null) return "invalid";
        int cut = msg.indexOf('\n');
        String line = cut >= 0 ? msg.substring(0, cut) : msg;
        int at = line.indexOf(" at [Source");
        return at >= 0 ? line.substring(0, at) : line;
    }
}
