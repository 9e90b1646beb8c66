package com.rapport.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the built jars are and where a run's logs go; set by the build (failsafe). */
final class SuiteFiles {

    private SuiteFiles() {
    }

    static Path jar(String module) {
        Path jar = Path.of(property("rapport.root"), module, "target",
                module + "-" + property("rapport.version") + ".jar").normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the suite tests through Maven (./mvnw verify)");
        }
        return jar;
    }

    static Path h2Jar() {
        return Path.of(property("rapport.h2.jar"));
    }

    static Path logs(String run) {
        try {
            return Files.createDirectories(Path.of(property("rapport.logs"), run));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run through Maven (./mvnw verify)");
        }
        return value;
    }
}
