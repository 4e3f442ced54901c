package io.racklet.protocol.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.racklet.protocol.message.PowerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
    private static final String RACK = """
            apiVersion: racklet.io/v1alpha1
            kind: Rack
            metadata:
              name: demo
              labels:
                site: lab
            spec:
              description: Demo rack
              powerBudgetWatts: 60
            """;

    @TempDir
    Path dir;

    private static String node(String name, int slot) {
        return """
                ---
                apiVersion: racklet.io/v1alpha1
                kind: Node
                metadata:
                  name: %s
                spec:
                  slot: %d
                  power: "on"
                """.formatted(name, slot);
    }

    private static final String VALID = RACK + node("node-1", 1) + node("node-2", 2) + node("node-3", 3);

    /** 1-based line of the n-th (1-based) line containing {@code marker}: keeps expectations readable. */
    private static int line(String yaml, String marker, int occurrence) {
        String[] lines = yaml.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker) && ++seen == occurrence) return i + 1;
        }
        throw new IllegalArgumentException(marker + " #" + occurrence + " not in yaml");
    }

    private static int line(String yaml, String marker) {
        return line(yaml, marker, 1);
    }

    private static List<SpecProblem> problems(String yaml) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.parse("rack.yaml", yaml));
        assertThat(e).as("spec should be rejected").isNotNull();
        return e.problems();
    }

    /** Exactly one problem, in rack.yaml at {@code line}, whose message contains every fragment. */
    private static void onlyProblem(String yaml, int line, String... fragments) {
        List<SpecProblem> p = problems(yaml);
        assertThat(p).singleElement().satisfies(pr -> {
            assertThat(pr.file()).isEqualTo("rack.yaml");
            assertThat(pr.line()).as(pr.toString()).isEqualTo(line);
            assertThat(pr.column()).isPositive();
            assertThat(pr.message()).contains(fragments);
            assertThat(pr.toString()).startsWith("rack.yaml:" + line + ":" + pr.column() + ": ");
        });
    }

    @Test
    void loadsOneRackAndThreeNodes() {
        RackDeclaration d = SpecLoader.parse("rack.yaml", VALID);
        assertThat(d.rack().name()).isEqualTo("demo");
        assertThat(d.rack().metadata().labels()).containsEntry("site", "lab");
        assertThat(d.rack().spec().description()).isEqualTo("Demo rack");
        assertThat(d.rack().spec().powerBudgetWatts()).isEqualTo(60.0);
        assertThat(d.nodes()).extracting(NodeResource::name).containsExactly("node-1", "node-2", "node-3");
        assertThat(d.nodes()).extracting(n -> n.spec().slot()).containsExactly(1, 2, 3);
        assertThat(d.node("node-2")).get().extracting(n -> n.spec().power()).isEqualTo(PowerState.ON);
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        String minimal = """
                apiVersion: racklet.io/v1alpha1
                kind: Rack
                metadata:
                  name: demo
                spec: {}
                ---
                apiVersion: racklet.io/v1alpha1
                kind: Node
                metadata:
                  name: node-1
                spec:
                  slot: 1
                """;
        RackDeclaration d = SpecLoader.parse("rack.yaml", minimal);
        assertThat(d.rack().metadata().labels()).isEmpty();
        assertThat(d.rack().spec().powerBudgetWatts()).isNull();
        assertThat(d.nodes()).singleElement().satisfies(n -> assertThat(n.spec().power()).isNull());
    }

    @Test
    void unquotedOnAndOffAreDesiredPowerStates() {
        // YAML 1.1 reads bare on/off as booleans; people write them bare
        String yaml = RACK + node("node-1", 1).replace("\"on\"", "on") + node("node-2", 2).replace("\"on\"", "off");
        RackDeclaration d = SpecLoader.parse("rack.yaml", yaml);
        assertThat(d.nodes()).extracting(n -> n.spec().power()).containsExactly(PowerState.ON, PowerState.OFF);
    }

    @Test
    void loadsAFolderOfFilesIgnoringOtherFilesAndGit() throws Exception {
        Files.writeString(dir.resolve("rack.yaml"), RACK);
        Files.createDirectories(dir.resolve("nodes"));
        Files.writeString(dir.resolve("nodes/nodes.yml"), node("node-1", 1) + node("node-2", 2));
        Files.writeString(dir.resolve("README.md"), "not: [yaml");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/stale.yaml"), "kind: [broken");

        RackDeclaration d = SpecLoader.load(dir);

        assertThat(d.rack().name()).isEqualTo("demo");
        assertThat(d.nodes()).extracting(NodeResource::name).containsExactly("node-1", "node-2");
    }

    @Test
    void problemsInAFolderNameTheirFile() throws Exception {
        Path rack = Files.writeString(dir.resolve("rack.yaml"), RACK.replace("name: demo", "name: Demo"));
        Path nodes = Files.writeString(dir.resolve("nodes.yaml"), node("node-1", 0));

        List<SpecProblem> p = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(dir)).problems();

        assertThat(p).extracting(SpecProblem::file, SpecProblem::line)
                .containsExactlyInAnyOrder(
                        tuple(rack.toString(), line(RACK, "name: demo")),
                        tuple(nodes.toString(), line(node("node-1", 0), "slot:")));
    }

    @Test
    void wrongApiVersion() {
        String yaml = RACK + node("node-1", 1).replace("racklet.io/v1alpha1", "racklet.io/v2");
        onlyProblem(yaml, line(yaml, "racklet.io/v2"), "apiVersion", "racklet.io/v1alpha1");
    }

    @Test
    void unknownKind() {
        String yaml = RACK + node("node-1", 1).replace("kind: Node", "kind: Switch");
        onlyProblem(yaml, line(yaml, "kind: Switch"), "kind");
    }

    @Test
    void upperCaseNodeName() {
        String yaml = RACK + node("Node-1", 1);
        onlyProblem(yaml, line(yaml, "name: Node-1"), "metadata.name");
    }

    @Test
    void slotZero() {
        String yaml = RACK + node("node-1", 0);
        onlyProblem(yaml, line(yaml, "slot: 0"), "spec.slot", "minimum", "1");
    }

    @Test
    void unknownFieldInSpecPointsAtThatField() {
        String yaml = RACK + node("node-1", 1) + "  colour: red\n";
        onlyProblem(yaml, line(yaml, "colour: red"), "colour");
    }

    @Test
    void duplicateNodeName() {
        String yaml = RACK + node("node-1", 1) + node("node-1", 2);
        onlyProblem(yaml, line(yaml, "name: node-1", 2), "node 'node-1' is declared twice");
    }

    @Test
    void duplicateSlot() {
        String yaml = RACK + node("node-1", 1) + node("node-2", 1);
        onlyProblem(yaml, line(yaml, "slot: 1", 2), "slot 1 is already taken by node 'node-1'");
    }

    @Test
    void reservedNodeName() {
        String yaml = RACK + node("rmc", 1);
        onlyProblem(yaml, line(yaml, "name: rmc"), "'rmc' is reserved");
    }

    @Test
    void twoRacks() {
        String yaml = RACK + node("node-1", 1) + "---\n" + RACK.replace("name: demo", "name: other");
        onlyProblem(yaml, line(yaml, "kind: Rack", 2) - 1, "a second Rack 'other'");
    }

    @Test
    void noRack() {
        List<SpecProblem> p = problems(node("node-1", 1));
        assertThat(p).singleElement().satisfies(pr -> {
            assertThat(pr.message()).contains("no Rack resource found");
            assertThat(pr.toString()).isEqualTo("rack.yaml: no Rack resource found (kind: Rack)");
        });
    }

    @Test
    void invalidYaml() {
        String yaml = RACK + "---\nkind: Node\nmetadata: [unclosed\nspec: {}\n";
        List<SpecProblem> p = problems(yaml);
        assertThat(p).anySatisfy(pr -> {
            assertThat(pr.message()).startsWith("not valid YAML");
            assertThat(pr.line()).isBetween(line(yaml, "unclosed"), line(yaml, "spec: {}"));
        });
    }

    @Test
    void fileOverTheSizeLimit() throws Exception {
        Path big = dir.resolve("rack.yaml");
        // a valid rack followed by comments: only the size is wrong
        Files.writeString(big, RACK + ("#" + "x".repeat(99) + "\n").repeat((int) (SpecLoader.MAX_FILE_BYTES / 100)));
        assertThat(Files.size(big)).isGreaterThan(SpecLoader.MAX_FILE_BYTES);

        SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(big));

        assertThat(e.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.file()).isEqualTo(big.toString());
            assertThat(pr.message()).contains("larger than " + SpecLoader.MAX_FILE_BYTES);
        });
    }

    @Test
    void missingPath() {
        Path absent = dir.resolve("absent");
        SpecException e = catchThrowableOfType(SpecException.class, () -> SpecLoader.load(absent));
        assertThat(e).hasMessage(absent + ": no such file or folder");
    }

    @Test
    void everyProblemOfASpecIsReportedInLineOrder() {
        String bad1 = node("Node-1", 0);
        String yaml = RACK.replace("racklet.io/v1alpha1", "racklet.io/v0") + bad1 + node("node-2", 2) + node("node-2", 3);
        List<SpecProblem> p = problems(yaml);

        assertThat(p).extracting(SpecProblem::line).containsExactly(
                line(yaml, "racklet.io/v0"),
                line(yaml, "name: Node-1"),
                line(yaml, "slot: 0"),
                line(yaml, "name: node-2", 2));
        assertThat(catchThrowableOfType(SpecException.class, () -> SpecLoader.parse("rack.yaml", yaml)).getMessage())
                .hasLineCount(4)
                .contains("rack.yaml:" + line(yaml, "slot: 0") + ":");
    }

    @Test
    void readsUsersAndBootProfilesAndChecksTheirReferences() {
        String users = """
                ---
                apiVersion: racklet.io/v1alpha1
                kind: User
                metadata: {name: alice}
                spec:
                  role: admin
                  signingKeys:
                  - ssh: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOalGhw9qin+k03v953XHaleeI9ipBZCqnjaZSnvM/7z alice"
                    expires: 2030-01-01
                ---
                apiVersion: racklet.io/v1alpha1
                kind: User
                metadata: {name: tenant}
                spec: {role: operator, nodes: [node-1]}
                ---
                apiVersion: racklet.io/v1alpha1
                kind: BootProfile
                metadata: {name: debian}
                spec:
                  manifestUrl: http://127.0.0.1:8081/manifest.json
                  keys: ["MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="]
                """;
        RackDeclaration d = SpecLoader.parse("rack.yaml", RACK + node("node-1", 1).replace("power: \"on\"", "power: \"on\"\n  bootProfile: debian") + users);
        assertThat(d.admins()).extracting(UserResource::name).containsExactly("alice");
        assertThat(d.users()).hasSize(2);
        assertThat(d.admins().get(0).spec().signingKeys().get(0).expires()).hasToString("2030-01-01");
        assertThat(d.bootProfile("debian")).isPresent();
        assertThat(d.node("node-1").orElseThrow().spec().bootProfile()).isEqualTo("debian");
    }

    @Test
    void refusesDanglingReferencesAndBadKeys() {
        String bad = """
                ---
                apiVersion: racklet.io/v1alpha1
                kind: User
                metadata: {name: tenant}
                spec: {role: operator, nodes: [node-9]}
                ---
                apiVersion: racklet.io/v1alpha1
                kind: User
                metadata: {name: eve}
                spec:
                  role: superuser
                  signingKeys: [{ssh: "not a key"}]
                ---
                apiVersion: racklet.io/v1alpha1
                kind: BootProfile
                metadata: {name: two}
                spec: {manifestUrl: "http://x/m.json", threshold: 2, keys: ["MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="]}
                """;
        SpecException e = catchThrowableOfType(() -> SpecLoader.parse("rack.yaml",
                RACK + node("node-1", 1).replace("power: \"on\"", "power: \"on\"\n  bootProfile: missing") + bad), SpecException.class);
        assertThat(e.getMessage()).contains("no Node named 'node-9'", "no BootProfile named 'missing'", "threshold 2 is more than the 1 keys",
                "spec.role", "spec.signingKeys.0.ssh");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
    }
}
