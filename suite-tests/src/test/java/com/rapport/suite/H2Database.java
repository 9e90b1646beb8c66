package com.rapport.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The embedded default, as {@code ./rapport up} runs it: an H2 TCP server in its own process,
 * so that a test can kill it like a crash would.
 */
final class H2Database implements Database {

    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private Process server;

    private H2Database(Path dataDirectory, Path log, int port) {
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.port = port;
    }

    static H2Database start(String run) {
        try {
            Path data = Files.createTempDirectory("rapport-suite-h2-");
            H2Database database = new H2Database(data, SuiteFiles.logs(run).resolve("h2.log"), Ports.free());
            database.startServer();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + port
                + "/rapport;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    @Override
    public String user() {
        return "sa";
    }

    @Override
    public String password() {
        return "";
    }

    /** Only the port: the services' own default URL is what is under test. */
    @Override
    public Map<String, String> serviceEnvironment() {
        return Map.of("RAPPORT_H2_PORT", String.valueOf(port));
    }

    /**
     * As {@code kill -9} would: the server gets no chance to finish anything. What it had written
     * reached the operating system, which keeps it; a power cut would not (README.md says so).
     */
    void kill() {
        server.destroyForcibly();
        Processes.awaitExit(server, Duration.ofSeconds(10));
    }

    void startServer() {
        server = Processes.start(log, Map.of(), Processes.java(), "-cp", SuiteFiles.h2Jar().toString(),
                "org.h2.tools.Server", "-tcp", "-tcpPort", String.valueOf(port), "-ifNotExists",
                "-baseDir", dataDirectory.toString());
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Processes.pause(Duration.ofMillis(100));
            }
        }
        throw new IllegalStateException("H2 did not listen on " + port + " within 30 s; see " + log);
    }

    @Override
    public void close() {
        if (server != null) {
            Processes.stop(server);
        }
        SuiteFiles.deleteRecursively(dataDirectory);
    }
}
