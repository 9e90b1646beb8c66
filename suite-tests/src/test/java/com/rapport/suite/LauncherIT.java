package com.rapport.suite;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./rapport up} starts the part that is down and leaves what runs alone: a database
 * killed under running services is started again by {@code up}, not refused as "already running".
 */
class LauncherIT {

    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path home;
    private final int databasePort = Ports.free();
    private final AtomicInteger runs = new AtomicInteger();

    record Outcome(int exitCode, String output) {
    }

    @AfterEach
    void stopWhatTheLauncherStarted() {
        rapport("down");
    }

    @Test
    void upStartsAKilledDatabaseAgainAndLeavesARunningOneAlone() throws IOException {
        Outcome started = rapport("up", "--detach", "h2");
        assertThat(started.exitCode()).as(started.output()).isZero();
        long first = databasePid();

        Outcome again = rapport("up", "--detach", "h2");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("h2 is already running (pid " + first + ")");
        assertThat(databasePid()).isEqualTo(first);

        ProcessHandle.of(first).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(first).map(p -> !p.isAlive()).orElse(true));
        Outcome restarted = rapport("up", "--detach", "h2");

        assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        assertThat(restarted.output()).contains("Starting the H2 database");
        assertThat(databasePid()).isNotEqualTo(first);
        assertThat(listening(databasePort)).as("the database listens on " + databasePort).isTrue();
    }

    private long databasePid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("run/h2.pid")).trim());
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Runs the launcher with its state in this test's own home and the database on a free port. */
    private Outcome rapport(String... arguments) {
        Path log = SuiteFiles.logs("launcher").resolve("rapport-" + runs.incrementAndGet() + ".log");
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = Path.of(System.getProperty("rapport.root"), "rapport").normalize().toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        Process process = Processes.start(log, Map.of("RAPPORT_HOME", home.toString(),
                "RAPPORT_H2_PORT", String.valueOf(databasePort)), command);
        try {
            assertThat(Processes.awaitExit(process, COMMAND_LIMIT)).as("./rapport ended within " + COMMAND_LIMIT).isTrue();
            return new Outcome(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Processes.stop(process);
        }
    }
}
