package io.racklet.tests.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the hardware scripts (KiCad's pcbnew module, OpenSCAD, admesh) as the README's commands do. */
final class HardwareSources {
    /** KiCad's Python module is built for Debian's interpreter, not whichever python3 is first on PATH. */
    static final String PYTHON = "/usr/bin/python3";

    private HardwareSources() {}

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pcb/pinmap.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) throw new IllegalStateException("cannot find the repository root (pcb/pinmap.yaml) above " + Path.of("").toAbsolutePath());
        return dir;
    }

    record Run(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    /** Runs a script under root() with a time limit; a missing tool fails with the command that installs it. */
    static Run python(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, script));
        command.addAll(List.of(args));
        return run(command, 900);
    }

    static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("hw-", ".out");
        Path err = Files.createTempFile("hw-", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(root().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Fails early, and clearly, when the machine lacks what scripts/install-test-deps.sh installs. */
    static void requireTools(String... pythonModulesAndCommands) throws IOException, InterruptedException {
        for (String need : pythonModulesAndCommands) {
            Run r = need.startsWith("py:")
                    ? run(List.of(PYTHON, "-c", "import " + need.substring(3)), 60)
                    : run(List.of("sh", "-c", "command -v " + need), 60);
            if (r.exitCode() != 0) {
                throw new AssertionError("missing " + need.replace("py:", "Python module ") + " (Debian: kicad, openscad, admesh,"
                        + " python3-yaml): run scripts/install-test-deps.sh\n" + r.all());
            }
        }
    }
}
