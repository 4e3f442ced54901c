package io.racklet.config;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Runs a process's picocli command with the project's one error style: a {@link ConfigException}
 * (bad user input) prints {@code error: <message>} and exits 2, with no stack trace.
 */
public final class Entrypoint {
    /** Exit codes shared by every command; documented in the README. */
    public static final int OK = 0, FAILED = 1, BAD_INPUT = 2;

    private Entrypoint() {}

    /**
     * Keeps a service process running until SIGTERM or Ctrl-C, then runs {@code stop} (bounded by
     * the JVM's shutdown) and returns {@link #OK}. A SIGKILL skips {@code stop}, as a crash would.
     */
    public static int runUntilStopped(String name, Runnable stop) throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, name + "-shutdown"));
        stopped.await();
        return OK;
    }

    public static int execute(Callable<Integer> command, String... args) {
        CommandLine cl = new CommandLine(command);
        return execute(cl, args);
    }

    public static int execute(CommandLine cl, String... args) {
        // picocli already exits 2 (USAGE) on invalid arguments, matching BAD_INPUT
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return BAD_INPUT;
            }
            commandLine.getErr().println("error: " + e);
            return FAILED;
        });
        return cl.execute(args);
    }
}
