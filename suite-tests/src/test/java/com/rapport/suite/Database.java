package com.rapport.suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** The database a suite runs on. The tests create it and drop it; nothing outlives a run. */
interface Database extends AutoCloseable {

    String jdbcUrl();

    String user();

    String password();

    /** The environment that points every service at this database. */
    Map<String, String> serviceEnvironment();

    default Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    @Override
    void close();
}
