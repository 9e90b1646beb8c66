package com.rapport.platform.processing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A database of its own for one test: H2 in memory, or, where {@code RAPPORT_TEST_PG_URL} names a
 * PostgreSQL server (as in CI), a database created there and dropped after the test.
 */
record TestDatabase(String kind, String url, String user, String password, Runnable drop) implements AutoCloseable {

    static final String POSTGRES_SERVER = "RAPPORT_TEST_PG_URL";

    /** H2 always; PostgreSQL where a server is named. */
    static List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of("h2"));
        if (postgresServer().isPresent()) {
            kinds.add("postgresql");
        }
        return kinds;
    }

    static TestDatabase create(String kind) {
        String name = "rapport_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind.equals("h2")) {
            return new TestDatabase(kind, "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", () -> {
            });
        }
        String server = postgresServer().orElseThrow();
        String user = Optional.ofNullable(System.getenv("RAPPORT_TEST_PG_USER")).orElse("postgres");
        String password = Optional.ofNullable(System.getenv("RAPPORT_TEST_PG_PASSWORD")).orElse("");
        administer(server, user, password, "CREATE DATABASE " + name);
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        String url = base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : server.substring(query));
        return new TestDatabase(kind, url, user, password,
                () -> administer(server, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    @Override
    public void close() {
        drop.run();
    }

    @Override
    public String toString() {
        return kind;
    }

    private static Optional<String> postgresServer() {
        return Optional.ofNullable(System.getenv(POSTGRES_SERVER)).filter(url -> !url.isBlank());
    }

    private static void administer(String server, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }
}
