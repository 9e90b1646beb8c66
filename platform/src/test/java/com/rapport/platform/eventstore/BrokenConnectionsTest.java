package com.rapport.platform.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride.Override;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.postgresql.util.PSQLState;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Which failures make the pool drop its connections at once. */
class BrokenConnectionsTest {

    private final HikariPoolMXBean pool = mock(HikariPoolMXBean.class);
    private final BrokenConnections brokenConnections = new BrokenConnections(() -> pool);

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
    void anH2ServerThatWentAwayTakesEveryConnectionOfThePoolWithIt() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/broken", "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            server.stop();

            SQLException failure = catchThrowableOfType(SQLException.class, () -> statement.execute("SELECT 1"));

            assertThat(brokenConnections.adjudicate(failure)).isEqualTo(Override.MUST_EVICT);
            verify(pool).softEvictConnections();
        }
    }

    @Test
    void soDoesAPostgreSQLServerThatShutDown() {
        SQLException shutDown = new SQLException("terminating connection due to administrator command", "57P01");

        assertThat(brokenConnections.adjudicate(shutDown)).isEqualTo(Override.MUST_EVICT);
        verify(pool).softEvictConnections();
    }

    @Test
    void soDoesAConnectionPostgreSQLCouldNotKeep() {
        PSQLException lost = new PSQLException("An I/O error occurred while sending to the backend", PSQLState.CONNECTION_FAILURE);

        assertThat(brokenConnections.adjudicate(lost)).isEqualTo(Override.MUST_EVICT);
        verify(pool).softEvictConnections();
    }

    @Test
    void everyServicesPoolIsToldSo() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(BareService.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:h2:mem:pool-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "--rapport.schema=pooled", "--spring.application.name=pool-test")) {
            assertThat(service.getBean(HikariDataSource.class).getExceptionOverride()).isInstanceOf(BrokenConnections.class);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class BareService {
    }

    @Test
    void otherFailuresAreLeftToThePoolsOwnJudgement() {
        SQLException duplicate = new SQLException("Unique index or primary key violation", "23505", 23505);

        assertThat(brokenConnections.adjudicate(duplicate)).isEqualTo(Override.CONTINUE_EVICT);
        verify(pool, never()).softEvictConnections();
    }
}
