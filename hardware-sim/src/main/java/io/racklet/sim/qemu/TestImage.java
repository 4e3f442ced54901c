package io.racklet.sim.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The QEMU nodes' test image (Debian's cloud kernel, a busybox initramfs printing the ready
 * marker), built from Debian packages and cached by {@code scripts/build-test-image.sh}.
 */
public record TestImage(Path kernel, Path initramfs) {
    public static final String SCRIPT = "scripts/build-test-image.sh";

    /** Builds the image unless cached (installing QEMU, busybox-static, cpio when missing) and returns it. */
    public static TestImage ensure() throws IOException {
        Path script = findScript();
        Process p = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(script + " did not finish within 15 minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the test image", e);
        }
        if (p.exitValue() != 0) throw new IOException(script + " failed (exit " + p.exitValue() + ")");
        Path dir = Path.of(out.lines().reduce((a, b) -> b).orElse(""));
        TestImage image = new TestImage(dir.resolve("vmlinuz"), dir.resolve("initramfs.cpio.gz"));
        if (!Files.isRegularFile(image.kernel()) || !Files.isRegularFile(image.initramfs())) {
            throw new IOException(script + " left no image in '" + dir + "'");
        }
        return image;
    }

    /** The script, from the working folder or any folder above it (modules run from their own folder). */
    static Path findScript() throws IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve(SCRIPT);
            if (Files.isRegularFile(s)) return s;
        }
        throw new IOException(SCRIPT + " not found above " + Path.of("").toAbsolutePath());
    }
}
