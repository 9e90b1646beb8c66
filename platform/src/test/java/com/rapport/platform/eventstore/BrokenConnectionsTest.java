package com.rapport.platform.eventstore;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which failures make the pool drop its connection at once. */
class BrokenConnectionsTest {

    private final BrokenConnections brokenConnections = new BrokenConnections();

    @TempDir
    Path data;
    private Server server;

    @BeforeEach
    void startAnH2Server() throws SQLException {
        server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", data.toString()).start();
    }

    @AfterEach
    void stopIt() {
        server.stop();
    }

    @Test
    void aConnectionWhoseH2ServerWentAwayIsDropped() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/broken", "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            server.stop();

            SQLException failure = catchThrowableOfType(SQLException.class, () -> statement.execute("SELECT 1"));

            assertThat(brokenConnections.adjudicate(failure)).isEqualTo(Override.MUST_EVICT);
        }
    }

    @Test
    void otherFailuresAreLeftToThePoolsOwnJudgement() {
        SQLException duplicate = new SQLException("Unique index or primary key violation", "23505", 23505);
        PSQLException postgresGone = new PSQLException("terminating connection", PSQLState.CONNECTION_FAILURE);

        assertThat(brokenConnections.adjudicate(duplicate)).isEqualTo(Override.CONTINUE_EVICT);
        assertThat(brokenConnections.adjudicate(postgresGone)).isEqualTo(Override.CONTINUE_EVICT);
    }
}
