package com.rapport.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./rapport} as a user runs it, with the environment the test gives it. */
final class Launcher {

    /** How a run of the launcher ended: its exit code and everything it printed. */
    record Outcome(int exitCode, String output) {
    }

    private Launcher() {
    }

    /** Runs {@code ./rapport arguments...}, printing into {@code log}, and waits up to {@code limit} for it to end. */
    static Outcome run(Path log, Map<String, String> environment, Duration limit, String... arguments) {
        String[] command = Stream.concat(Stream.of("bash", path().toString()), Stream.of(arguments)).toArray(String[]::new);
        Process process = Processes.start(log, environment, command);
        try {
            assertThat(Processes.awaitExit(process, limit)).as("./rapport " + String.join(" ", arguments)
                    + " ended within " + limit).isTrue();
            return new Outcome(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Processes.stop(process);
        }
    }

    private static Path path() {
        String root = System.getProperty("rapport.root");
        assertThat(root).as("system property rapport.root: run the suite tests through Maven").isNotNull();
        return Path.of(root, "rapport").normalize();
    }
}
