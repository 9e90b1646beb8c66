package com.rapport.platform.eventstore;

import com.rapport.platform.PlatformProperties;
import com.rapport.platform.problem.Conflict;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.problem.NotFound;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Which failures the command gateway tries again: lost races and broken connections, never a
 * rule's refusal nor a database that is away.
 */
class CommandRetriesTest {

    private static final int RETRIES = 3;

    private final EventStoreAutoConfiguration configuration = new EventStoreAutoConfiguration();
    private final ScheduledExecutorService retries = configuration.commandRetryExecutor();

    @AfterEach
    void stop() {
        retries.shutdownNow();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("a lost race", (Supplier<RuntimeException>) () -> new ConcurrencyException("lost the race"), 1 + RETRIES),
                arguments("a conflict", (Supplier<RuntimeException>) () -> new Conflict("already lost"), 1),
                arguments("an invalid field", (Supplier<RuntimeException>) () -> new InvalidField("occurredAt", "NotBeforeWinBack", "too early"), 1),
                arguments("an unknown account", (Supplier<RuntimeException>) () -> new NotFound("no such account"), 1),
                arguments("a broken connection", (Supplier<RuntimeException>) () -> new JdbcException("Failed to execute query",
                        new SQLNonTransientConnectionException("Connection is broken", "08006")), 1 + RETRIES),
                arguments("no database connection within the pool's timeout", (Supplier<RuntimeException>) () ->
                        new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                                new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms")), 1),
                arguments("a database connection that broke", (Supplier<RuntimeException>) () ->
                        new DataAccessResourceFailureException("PreparedStatementCallback",
                                new SQLNonTransientConnectionException("Connection is broken", "08006")), 1 + RETRIES),
                arguments("an append whose connection broke", (Supplier<RuntimeException>) () ->
                        new EventStoreException("An event for aggregate [1] at sequence [0] could not be persisted",
                                new SQLNonTransientConnectionException("Connection is broken: \"session closed\"", "90067", 90067)), 1 + RETRIES),
                arguments("an append the store refused", (Supplier<RuntimeException>) () ->
                        new EventStoreException("An event for aggregate [1] at sequence [0] could not be persisted",
                                new SQLException("Value too long for column", "22001", 22001)), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void triesAgainOnlyWhatMaySucceedOnFreshState(String description, Supplier<RuntimeException> failure, int attempts) {
        AtomicInteger handled = new AtomicInteger();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), command -> {
            handled.incrementAndGet();
            throw failure.get();
        });
        CommandGateway gateway = configuration.commandGateway(bus, retries,
                new PlatformProperties("test", Duration.ofMinutes(2), RETRIES, Duration.ofMillis(50), Duration.ofMillis(100)));

        assertThatThrownBy(() -> gateway.sendAndWait("refuse me")).isInstanceOf(failure.get().getClass());
        assertThat(handled).hasValue(attempts);
    }
}
