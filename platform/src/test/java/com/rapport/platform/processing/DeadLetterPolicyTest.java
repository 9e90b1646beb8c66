package com.rapport.platform.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Which failures set an event aside, and which are tried again. */
class DeadLetterPolicyTest {

    private final ProcessorFailures failures = new ProcessorFailures();
    private final DeadLetterPolicy policy = new DeadLetterPolicy(failures);
    private final UnitOfWork<EventMessage<String>> handling =
            DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));

    @AfterEach
    void finish() {
        handling.rollback();
    }

    private EnqueueDecision<EventMessage<?>> decide(Throwable failure) {
        return policy.decide(new GenericDeadLetter<>("sequence", handling.getMessage()), failure);
    }

    static List<Throwable> failuresThatMayPass() {
        return List.of(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("Connection is not available, request timed out")),
                new SQLNonTransientConnectionException("Connection is broken", "08006"),
                new IllegalStateException("wrapped", new SQLException("terminating connection due to administrator command", "57P01")),
                new SQLException("current transaction is aborted", "25P02"),
                new PessimisticLockingFailureException("deadlock detected", new SQLException("deadlock detected", "40P01")));
    }

    @ParameterizedTest
    @MethodSource("failuresThatMayPass")
    void aFailureThatMayPassIsTriedAgainNotDeadLettered(Throwable failure) {
        Throwable thrown = catchThrowable(() -> decide(failure));

        assertThat(thrown).isNotNull();
        assertThat(thrown == failure || thrown.getCause() == failure).as("%s thrown on", failure).isTrue();
    }

    @Test
    void aValueTheDatabaseRefusesIsDeadLetteredWithWhatTheDatabaseSaid() {
        EnqueueDecision<EventMessage<?>> decision = decide(new DataIntegrityViolationException(
                "PreparedStatementCallback; SQL [INSERT INTO accounts.account_directory ...]",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00\n  Where: unnamed portal parameter $2", "22021")));

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).get().satisfies(cause -> {
            assertThat(cause.getMessage()).isEqualTo("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00   Where: unnamed portal parameter $2");
        });
    }

    @Test
    void theCauseKeptIsPrintableAndFitsItsColumn() {
        EnqueueDecision<EventMessage<?>> decision = decide(new IllegalArgumentException("Acme\u0000Ltd " + "x".repeat(2000)));

        assertThat(decision.enqueueCause()).get().satisfies(cause -> {
            assertThat(cause.getMessage()).startsWith("Acme Ltd xxx").doesNotContain("\u0000").hasSize(DeadLetterPolicy.CAUSE_LENGTH);
        });
    }

    @Test
    void aDeadLetterRetriedThatFailsAgainStaysForWhateverReason() {
        handling.resources().put(DeadLetter.class.getName(), new GenericDeadLetter<>("sequence", handling.getMessage()));

        assertThat(decide(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")).shouldEnqueue()).isTrue();
        assertThat(decide(new IllegalStateException("still a bug")).shouldEnqueue()).isTrue();
    }
}
