package io.racklet.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.cli.Racklet;
import io.racklet.config.Entrypoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code racklet spec init} writes a spec that {@code racklet spec validate} accepts; problems come as file:line:column. */
class SpecCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new Racklet());
        cl.setErr(new PrintWriter(err, true));
        return Entrypoint.execute(cl, args);
    }

    @Test
    void initWritesAValidCommentedSpecWithTheAdminsKey() throws Exception {
        Path key = dir.resolve("id.pub");
        Files.writeString(key, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOalGhw9qin+k03v953XHaleeI9ipBZCqnjaZSnvM/7z alice@laptop\n");
        assertThat(run(new StringWriter(), "spec", "init", dir.resolve("rack").toString(), "--nodes", "4", "--admin", "alice",
                "--admin-key", key.toString())).isEqualTo(Entrypoint.OK);
        String yaml = Files.readString(dir.resolve("rack/rack.yaml"));
        assertThat(yaml).contains("# ", "kind: User", "name: alice", "ssh-ed25519 AAAAC3", "name: node-4");
        assertThat(run(new StringWriter(), "spec", "validate", dir.resolve("rack").toString())).isEqualTo(Entrypoint.OK);
        // never overwrites
        StringWriter err = new StringWriter();
        assertThat(run(err, "spec", "init", dir.resolve("rack").toString())).isEqualTo(Entrypoint.BAD_INPUT);
        assertThat(err.toString()).contains("already exists");
    }

    @Test
    void validateNamesEveryProblemWithFileLineAndColumn() throws Exception {
        Path spec = dir.resolve("bad");
        Files.createDirectories(spec);
        Files.writeString(spec.resolve("rack.yaml"), """
                apiVersion: racklet.io/v1alpha1
                kind: Rack
                metadata: {name: lab}
                spec: {description: x}
                ---
                apiVersion: racklet.io/v1alpha1
                kind: Node
                metadata: {name: node-1}
                spec: {slot: 0, power: maybe}
                """);
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(captured, true));
        int code;
        try {
            code = run(new StringWriter(), "spec", "validate", spec.toString());
        } finally {
            System.setErr(old);
        }
        assertThat(code).isEqualTo(Entrypoint.BAD_INPUT);
        String out = captured.toString();
        assertThat(out).containsPattern(java.util.regex.Pattern.quote(spec.resolve("rack.yaml").toString()) + ":9:\\d+: spec.slot")
                .containsPattern("rack.yaml:9:\\d+: spec.power").contains("2 problem(s)");
    }
}
