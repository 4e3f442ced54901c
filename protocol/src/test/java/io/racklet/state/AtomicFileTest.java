package io.racklet.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesContent() throws Exception {
        Path file = dir.resolve("state");
        AtomicFile.write(file, "on\n".getBytes(StandardCharsets.UTF_8));
        assertThat(file).hasContent("on");
        assertThat(Files.readString(file)).isEqualTo("on\n");
    }

    @Test
    void overwritesWithShorterContentLeavingNoTail() throws Exception {
        Path file = dir.resolve("state");
        AtomicFile.write(file, "a much longer first version".getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(file, "off".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("off");
    }

    @Test
    void leavesNoTemporaryFileBehind() throws Exception {
        Path file = dir.resolve("state");
        AtomicFile.write(file, "1".getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(file, "2".getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("state");
        }
    }

    @Test
    void createsMissingParentFolders() throws Exception {
        Path file = dir.resolve("var/lib/racklet/state");
        AtomicFile.write(file, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }
}
