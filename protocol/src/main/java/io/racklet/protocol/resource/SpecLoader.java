package io.racklet.protocol.resource;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.racklet.config.ConfigLoader;
import io.racklet.json.Json;
import io.racklet.protocol.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a rack spec (one YAML file or a folder of them, several documents per file), validates
 * every document against the published JSON Schema and the whole against cross-resource rules,
 * and reports every problem with its file, line and column.
 */
public final class SpecLoader {
    public static final String SCHEMA_RESOURCE = "/schema/racklet-v1alpha1.schema.json";
    /** Spec files are small; a bigger one is a mistake or an attack. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final JsonSchema SCHEMA = loadSchema();

    private SpecLoader() {}

    public static RackDeclaration load(Path fileOrDir) {
        List<Path> files = specFiles(fileOrDir);
        List<SpecProblem> problems = new ArrayList<>();
        List<Located> documents = new ArrayList<>();
        for (Path f : files) {
            documents.addAll(readDocuments(f, problems));
        }
        return assemble(documents, problems, fileOrDir.toString());
    }

    /** Parses spec text held in memory (e.g. a blob from Git); {@code name} labels the problems. */
    public static RackDeclaration parse(String name, String yaml) {
        return parse(name, Map.of(name, yaml));
    }

    /**
     * Parses a whole spec held in memory, file name to text (e.g. the YAML blobs of a Git
     * commit); {@code origin} labels problems that belong to no single file.
     */
    public static RackDeclaration parse(String origin, Map<String, String> files) {
        List<SpecProblem> problems = new ArrayList<>();
        List<Located> documents = new ArrayList<>();
        files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f -> {
            if (f.getValue().length() > MAX_FILE_BYTES) {
                problems.add(new SpecProblem(f.getKey(), 0, 0, "file is larger than " + MAX_FILE_BYTES + " bytes"));
            } else {
                documents.addAll(readDocuments(f.getKey(), f.getValue(), problems));
            }
        });
        return assemble(documents, problems, origin);
    }

    private static RackDeclaration assemble(List<Located> documents, List<SpecProblem> problems, String origin) {
        RackResource rack = null;
        FanPolicyResource fanPolicy = null;
        List<NodeResource> nodes = new ArrayList<>();
        List<BootProfileResource> bootProfiles = new ArrayList<>();
        List<UserResource> users = new ArrayList<>();
        Map<NodeResource, Located> nodeDocs = new HashMap<>();
        Map<UserResource, Located> userDocs = new HashMap<>();
        Set<String> names = new HashSet<>();
        Map<Integer, String> slots = new HashMap<>();
        for (Located doc : documents) {
            List<SpecProblem> docProblems = validate(doc);
            problems.addAll(docProblems);
            if (!docProblems.isEmpty()) continue;
            Resource r = bind(doc, problems);
            if (r instanceof RackResource rr) {
                if (rack != null) {
                    problems.add(doc.problem("", "a second Rack '" + rr.name() + "'; a spec declares exactly one Rack"));
                }
                rack = rr;
            } else if (r instanceof FanPolicyResource f) {
                if (fanPolicy != null) {
                    problems.add(doc.problem("", "a second FanPolicy '" + f.name() + "'; a rack has at most one"));
                }
                problems.addAll(FanPolicyRules.check(f, doc));
                fanPolicy = f;
            } else if (r instanceof NodeResource n) {
                if (Topics.isReserved(n.name())) {
                    problems.add(doc.problem("/metadata/name", "'" + n.name() + "' is reserved and cannot name a node"));
                }
                if (!names.add(n.name())) {
                    problems.add(doc.problem("/metadata/name", "node '" + n.name() + "' is declared twice"));
                }
                String other = slots.putIfAbsent(n.spec().slot(), n.name());
                if (other != null) {
                    problems.add(doc.problem("/spec/slot", "slot " + n.spec().slot() + " is already taken by node '" + other + "'"));
                }
                nodes.add(n);
                nodeDocs.put(n, doc);
            } else if (r instanceof BootProfileResource b) {
                if (bootProfiles.stream().anyMatch(o -> o.name().equals(b.name()))) {
                    problems.add(doc.problem("/metadata/name", "boot profile '" + b.name() + "' is declared twice"));
                }
                if (b.spec().requiredSignatures() > b.spec().keys().size()) {
                    problems.add(doc.problem("/spec/threshold", "threshold " + b.spec().requiredSignatures()
                            + " is more than the " + b.spec().keys().size() + " keys listed"));
                }
                bootProfiles.add(b);
            } else if (r instanceof UserResource u) {
                if (users.stream().anyMatch(o -> o.name().equals(u.name()))) {
                    problems.add(doc.problem("/metadata/name", "user '" + u.name() + "' is declared twice"));
                }
                users.add(u);
                userDocs.put(u, doc);
            }
        }
        for (NodeResource n : nodes) {
            String profile = n.spec().bootProfile();
            if (profile != null && bootProfiles.stream().noneMatch(b -> b.name().equals(profile))) {
                problems.add(nodeDocs.get(n).problem("/spec/bootProfile", "no BootProfile named '" + profile + "'"));
            }
        }
        for (UserResource u : users) {
            for (int i = 0; i < u.spec().nodes().size(); i++) {
                if (!names.contains(u.spec().nodes().get(i))) {
                    problems.add(userDocs.get(u).problem("/spec/nodes/" + i, "no Node named '" + u.spec().nodes().get(i) + "'"));
                }
            }
        }
        if (rack == null && problems.isEmpty()) {
            problems.add(new SpecProblem(origin, 0, 0, "no Rack resource found (kind: Rack)"));
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return new RackDeclaration(rack, nodes, java.util.Optional.ofNullable(fanPolicy), bootProfiles, users);
    }

    private static List<Path> specFiles(Path fileOrDir) {
        if (Files.isRegularFile(fileOrDir)) {
            return List.of(fileOrDir);
        }
        if (!Files.isDirectory(fileOrDir)) {
            throw new SpecException(List.of(new SpecProblem(fileOrDir.toString(), 0, 0, "no such file or folder")));
        }
        try (Stream<Path> s = Files.walk(fileOrDir)) {
            return s.filter(p -> !p.toString().contains("/.git/"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new SpecException(List.of(new SpecProblem(fileOrDir.toString(), 0, 0, "cannot list: " + e.getMessage())));
        }
    }

    private static List<Located> readDocuments(Path file, List<SpecProblem> problems) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(new SpecProblem(file.toString(), 0, 0, "file is larger than " + MAX_FILE_BYTES + " bytes"));
                return List.of();
            }
            return readDocuments(file.toString(), Files.readString(file), problems);
        } catch (IOException e) {
            problems.add(new SpecProblem(file.toString(), 0, 0, "cannot read: " + e.getMessage()));
            return List.of();
        }
    }

    /** A parsed document and where each of its values stands in the file (by JSON pointer). */
    record Located(String file, int index, JsonNode tree, Map<String, JsonLocation> locations) {
        SpecProblem problem(String pointer, String message) {
            JsonLocation loc = locations.get(pointer);
            String p = pointer;
            while (loc == null && !p.isEmpty()) {
                p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
                loc = locations.get(p);
            }
            return loc == null ? new SpecProblem(file, 0, 0, message)
                    : new SpecProblem(file, loc.getLineNr(), loc.getColumnNr(), message);
        }
    }

    private static List<Located> readDocuments(String file, String yaml, List<SpecProblem> problems) {
        List<Located> docs = new ArrayList<>();
        try (JsonParser p = Json.yaml().getFactory().createParser(yaml)) {
            JsonToken t;
            int index = 0;
            while ((t = p.nextToken()) != null) {
                Map<String, JsonLocation> locations = new HashMap<>();
                JsonNode tree = readValue(p, t, "", locations);
                index++;
                if (tree.isNull()) continue; // empty document, e.g. a trailing '---'
                docs.add(new Located(file, index, tree, locations));
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            problems.add(new SpecProblem(file, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new SpecProblem(file, 0, 0, "cannot read: " + e.getMessage()));
        }
        return docs;
    }

    /** Builds a tree like Jackson does, remembering each value's location under its JSON pointer. */
    private static JsonNode readValue(JsonParser p, JsonToken t, String pointer, Map<String, JsonLocation> locations)
            throws IOException {
        locations.put(pointer, p.currentTokenLocation());
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                    if (o.has(name)) {
                        throw new com.fasterxml.jackson.core.JsonParseException(p, "duplicate key '" + name + "'");
                    }
                    o.set(name, readValue(p, p.nextToken(), child, locations));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(readValue(p, next, pointer + "/" + i++, locations));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                double d = p.getDoubleValue();
                // YAML's .inf and .nan are numbers to the parser but no value any field could take
                if (!Double.isFinite(d)) throw new com.fasterxml.jackson.core.JsonParseException(p, "'" + p.getText() + "' is not a finite number");
                return f.numberNode(d);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                // YAML 1.1 reads bare on/off as booleans; in a rack spec they are power states
                String raw = p.getText();
                if (raw.equalsIgnoreCase("on") || raw.equalsIgnoreCase("off")) {
                    return f.textNode(raw.toLowerCase());
                }
                return f.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            default -> {
                return f.nullNode();
            }
        }
    }

    private static List<SpecProblem> validate(Located doc) {
        List<SpecProblem> out = new ArrayList<>();
        for (ValidationMessage m : SCHEMA.validate(doc.tree())) {
            String pointer = m.getInstanceLocation().toString().replaceFirst("^\\$", "")
                    .replaceAll("\\.([^.\\[]+)", "/$1").replaceAll("\\[(\\d+)]", "/$1");
            if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
                // point at the unknown key itself, not at the object holding it
                pointer = pointer + "/" + m.getProperty();
            }
            String where = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.') + ": ";
            String text = m.getMessage().replaceFirst("^\\$[^:]*: ", "");
            out.add(doc.problem(pointer, where + text));
        }
        out.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : a.message().compareTo(b.message()));
        return out;
    }

    private static Resource bind(Located doc, List<SpecProblem> problems) {
        Class<? extends Resource> type = switch (doc.tree().path("kind").asText()) {
            case "Rack" -> RackResource.class;
            case "Node" -> NodeResource.class;
            case "FanPolicy" -> FanPolicyResource.class;
            case "BootProfile" -> BootProfileResource.class;
            case "User" -> UserResource.class;
            default -> null;
        };
        if (type == null) {
            return null; // unreachable: the schema admits only the kinds above
        }
        try {
            // apiVersion and kind were checked by the schema; the records hold metadata and spec
            return Json.json().readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(doc.tree());
        } catch (IOException e) {
            problems.add(doc.problem("", e instanceof JsonProcessingException j
                    ? ConfigLoader.describe("document " + doc.index(), j) : e.getMessage()));
            return null;
        }
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = SpecLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot load " + SCHEMA_RESOURCE, e);
        }
    }
}
