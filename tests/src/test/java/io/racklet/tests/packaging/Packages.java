package io.racklet.tests.packaging;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The .deb files the packaging module built, and what a test needs from them. */
public final class Packages {
    public static final List<String> NAMES = List.of("racklet-bmc", "racklet-rmc", "racklet-controller");

    private Packages() {}

    /** packaging/<short>/target/<name>_<version>_all.deb, built in this reactor before the tests. */
    public static Path deb(String name) throws IOException {
        Path target = Path.of("..", "packaging", name.substring("racklet-".length()), "target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().startsWith(name + "_") && f.toString().endsWith("_all.deb"))
                    .findFirst().orElseThrow(() -> new IOException("no " + name + " .deb in " + target));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(target + " is missing: build the packages first (mvn -pl tests -am verify)", e);
        }
    }

    /** Unpacks a package's files (no scripts), as dpkg would lay them out. */
    public static Path extract(String name, Path dir) throws IOException, InterruptedException {
        Path root = dir.resolve(name);
        Files.createDirectories(root);
        Command.run(List.of("dpkg-deb", "-x", deb(name).toString(), root.toString())).ok("dpkg-deb -x");
        return root;
    }

    /** The JVM options the package's wrapper passes: JAVA_OPTS from its /etc/default file, read by sh. */
    public static List<String> jvmOptions(Path root, String name) throws IOException, InterruptedException {
        Path defaults = root.resolve("etc/default/" + name);
        String opts = Command.run(List.of("sh", "-c", ". \"$1\"; printf %s \"$JAVA_OPTS\"", "sh", defaults.toString()))
                .ok("reading " + defaults).output().trim();
        return opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+"));
    }

    /** The package's class path, as its wrapper builds it. */
    public static String classPath(Path root, String name) {
        return root.resolve("usr/share/racklet/" + name.substring("racklet-".length()) + "/lib/*").toString();
    }

    /**
     * The simulator's jar (or classes) from this test's own class path: what a test adds to a
     * package's class path to run it against the simulated rack. The package never contains it.
     */
    public static String simulatorClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("hardware-sim")).findFirst()
                .orElseThrow(() -> new IllegalStateException("hardware-sim is not on the test class path"));
    }

    /**
     * The simulator as a jar: class-data sharing accepts only jars on the class path, and in a
     * reactor build the simulator is a classes folder.
     */
    public static String simulatorJar(Path dir) throws IOException {
        Path entry = Path.of(simulatorClassPath());
        return Files.isDirectory(entry) ? jar(entry, dir.resolve("hardware-sim.jar"), p -> true).toString() : entry.toString();
    }

    /** Packs the files of a classes folder that {@code include} accepts into a jar. */
    public static Path jar(Path classes, Path jar, java.util.function.Predicate<Path> include) throws IOException {
        Files.createDirectories(jar.getParent());
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).filter(include)::iterator) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** java with the package's options and class path (plus {@code extraClassPath}, if any). */
    public static List<String> java(Path root, String name, String mainClass, String extraClassPath, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions(root, name));
        cmd.add("-Dlogback.configurationFile=" + root.resolve("usr/share/racklet/" + name.substring("racklet-".length()) + "/logback.xml"));
        cmd.add("-cp");
        cmd.add(classPath(root, name) + (extraClassPath == null ? "" : File.pathSeparator + extraClassPath));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }
}
