package io.racklet.tests.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real tool to completion with a bound, keeping what it printed. */
record Command(int exitCode, String output) {
    static Command run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of(), 120);
    }

    static Command run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("racklet-cmd", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IOException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s: " + Files.readString(out));
            }
            return new Command(p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    Command ok(String what) {
        if (exitCode != 0) throw new AssertionError(what + " exited " + exitCode + ":\n" + output);
        return this;
    }
}
