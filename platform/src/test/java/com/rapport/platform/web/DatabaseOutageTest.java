package com.rapport.platform.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Which failures mean "the database is unavailable, try again" (a 503), however they are
 * wrapped, and which are bugs (a logged 500). The exceptions are the ones the drivers, the pool,
 * Axon and Spring throw.
 */
class DatabaseOutageTest {

    /** What the PostgreSQL driver throws when the server reports an error with this SQLSTATE. */
    private static PSQLException postgres(String state, String message) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0C" + state + "\0M" + message + "\0"));
    }

    private static SQLException h2(int errorCode) {
        return DbException.getJdbcSQLException(errorCode, "test");
    }

    private static final SQLTransientConnectionException HIKARI_TIMEOUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=0)");

    static Stream<Arguments> outages() {
        return Stream.of(
                arguments("PostgreSQL stopping while the first event of an aggregate is appended",
                        new EventStoreException("Cannot reuse aggregate identifier [a] to create aggregate [Account] since identifiers need to be unique.",
                                postgres("57P01", "terminating connection due to administrator command"))),
                arguments("PostgreSQL crashed", new JdbcException("Failed to execute query", postgres("57P02", "crash"))),
                arguments("PostgreSQL starting up", new JdbcException("Failed to obtain a database connection",
                        postgres("57P03", "the database system is starting up"))),
                arguments("PostgreSQL out of connections", postgres("53300", "too many clients already")),
                arguments("PostgreSQL refusing connections", new JdbcException("Failed to obtain a database connection",
                        new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))),
                arguments("an I/O error on the PostgreSQL connection", new TransactionSystemException("Could not commit JDBC transaction",
                        new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE))),
                arguments("the pool gave no connection in time", new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction", HIKARI_TIMEOUT)),
                arguments("the same through Spring's JDBC", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", HIKARI_TIMEOUT)),
                arguments("the same from a command handler", new CommandExecutionException("command failed",
                        new JdbcException("Failed to obtain a database connection", HIKARI_TIMEOUT))),
                arguments("H2: connection is broken", new EventStoreException("not persisted", h2(ErrorCode.CONNECTION_BROKEN_1))),
                arguments("H2: database is closed", new JdbcException("Failed to execute query", h2(ErrorCode.DATABASE_IS_CLOSED))),
                arguments("H2: called at shutdown", h2(ErrorCode.DATABASE_CALLED_AT_SHUTDOWN)),
                arguments("a batch whose next exception is the outage", batch(postgres("57P01", "terminating connection"))));
    }

    static Stream<Arguments> bugs() {
        return Stream.of(
                arguments("a missing table", new JdbcException("Failed to execute query", new SQLSyntaxErrorException("relation does not exist", "42P01"))),
                arguments("Spring's translation of the same", new BadSqlGrammarException("select", "select 1",
                        new SQLSyntaxErrorException("relation does not exist", "42P01"))),
                arguments("a text PostgreSQL cannot store", new EventStoreException("not persisted",
                        postgres("22021", "invalid byte sequence for encoding \"UTF8\": 0x00"))),
                arguments("a violated unique key", batch(new SQLException("duplicate key", "23505"))),
                arguments("H2: a missing table", h2(ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1)),
                arguments("an SQL exception without a state", new SQLException("something else")),
                arguments("a null pointer", new NullPointerException()),
                arguments("a bug wrapped by the command gateway", new CommandExecutionException("command failed", new IllegalStateException())));
    }

    private static SQLException batch(SQLException next) {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0], null);
        batch.setNextException(next);
        return batch;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void anOutageIsRecognisedHoweverItIsWrapped(String description, Throwable failure) {
        assertThat(DatabaseOutage.explains(failure)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void anythingElseIsNotAnOutage(String description, Throwable failure) {
        assertThat(DatabaseOutage.explains(failure)).isFalse();
    }
}
