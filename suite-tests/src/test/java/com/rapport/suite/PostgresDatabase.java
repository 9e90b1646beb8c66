package com.rapport.suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A database of its own on the PostgreSQL server named by {@code RAPPORT_TEST_PG_URL},
 * created for one suite and dropped after it.
 */
final class PostgresDatabase implements Database {

    static final String SERVER_URL = "RAPPORT_TEST_PG_URL";

    private final String serverUrl;
    private final String name;
    private final String user;
    private final String password;

    private PostgresDatabase(String serverUrl, String name, String user, String password) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    static Optional<String> serverUrl() {
        return Optional.ofNullable(System.getenv(SERVER_URL)).filter(url -> !url.isBlank());
    }

    static PostgresDatabase create() {
        String server = serverUrl().orElseThrow(() -> new IllegalStateException(SERVER_URL + " is not set"));
        String user = Optional.ofNullable(System.getenv("RAPPORT_TEST_PG_USER")).orElse("postgres");
        String password = Optional.ofNullable(System.getenv("RAPPORT_TEST_PG_PASSWORD")).orElse("");
        String name = "rapport_suite_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresDatabase database = new PostgresDatabase(server, name, user, password);
        database.administer("CREATE DATABASE " + name);
        return database;
    }

    @Override
    public String jdbcUrl() {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String parameters = query < 0 ? "" : serverUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + parameters;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public Map<String, String> serviceEnvironment() {
        return Map.of("RAPPORT_DB_URL", jdbcUrl(), "RAPPORT_DB_USER", user, "RAPPORT_DB_PASSWORD", password);
    }

    @Override
    public void close() {
        administer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void administer(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }
}
