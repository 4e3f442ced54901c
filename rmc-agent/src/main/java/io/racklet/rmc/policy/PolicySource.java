package io.racklet.rmc.policy;

import io.racklet.protocol.resource.RackDeclaration;
import io.racklet.protocol.resource.SpecException;
import io.racklet.protocol.resource.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The rack spec as the RMC reads it (until signed Git sync delivers it): reloaded when a file
 * changes; a spec with problems is reported and the last good one stays applied.
 */
public final class PolicySource {
    private final Path spec;
    private final Consumer<RackDeclaration> onValid;
    private final BiConsumer<String, Boolean> onInvalid;
    private FileTime seen;

    /**
     * @param onValid   a newly loaded valid spec
     * @param onInvalid (problems, whether a good spec was ever applied)
     */
    public PolicySource(Path spec, Consumer<RackDeclaration> onValid, BiConsumer<String, Boolean> onInvalid) {
        this.spec = spec;
        this.onValid = onValid;
        this.onInvalid = onInvalid;
    }

    private boolean everValid;

    /** Loads the spec if it changed since the last look. */
    public void check() {
        FileTime newest = newest();
        if (newest != null && newest.equals(seen)) return;
        seen = newest;
        try {
            RackDeclaration d = SpecLoader.load(spec);
            everValid = true;
            onValid.accept(d);
        } catch (SpecException e) {
            onInvalid.accept(e.getMessage(), everValid);
        }
    }

    private FileTime newest() {
        try (Stream<Path> files = Files.isDirectory(spec) ? Files.walk(spec) : Stream.of(spec)) {
            return files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).max(FileTime::compareTo).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
