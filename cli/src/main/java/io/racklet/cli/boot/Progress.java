package io.racklet.cli.boot;

import io.racklet.boot.verify.ArtifactVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr while a large artifact is hashed; nothing for small ones. */
final class Progress implements AutoCloseable {
    /** Below this a file hashes in well under a second: no bar. */
    static final long LARGE = 32L << 20;
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress of(String task, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            size = 0;
        }
        if (size < LARGE) return new Progress(null);
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(size).setUnit(" MiB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(200).build());
    }

    ArtifactVerifier.Progress listener() {
        return bar == null ? ArtifactVerifier.Progress.NONE : bar::stepTo;
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
