package com.rapport.platform.processing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * What becomes of an event a processor's handler failed on. A failure that may pass (the database
 * unreachable or restarting, a deadlock, a lock timeout) is thrown on: the processor rolls the
 * event back and tries it again, with a growing pause, for as long as it takes, and shows as behind
 * meanwhile; a database that is briefly down must not set good events aside. Any other failure is
 * the event's own (a value the database refuses, a bug in the handler): trying it again would fail
 * the same way and hold up every event behind it, so it is dead-lettered at once, and the events of
 * its sequence that follow queue behind it until it is retried.
 * <p>
 * A dead letter retried that fails again stays where it was, whatever the reason.
 */
public class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPolicy.class);

    /** The cause column's width. */
    static final int CAUSE_LENGTH = 1024;

    /**
     * SQLSTATE classes of failures that are not the event's: connection (08), transaction state
     * (25, e.g. a transaction already aborted), rollback (40, deadlocks and serialization),
     * insufficient resources (53), operator intervention (57, e.g. an administrator's shutdown) and
     * system errors (58).
     */
    private static final Set<String> PASSING_SQL_STATES = Set.of("08", "25", "40", "53", "57", "58");

    private final ProcessorFailures failures;

    public DeadLetterPolicy(ProcessorFailures failures) {
        this.failures = failures;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable failure) {
        String processor = failures.count().orElse("?");
        EventMessage<?> event = letter.message();
        ThrowableCause cause = causeOf(failure);
        if (retrying()) {
            log.warn("Processor {} failed again on dead letter {} ({}); it stays dead-lettered: {}",
                    processor, event.getIdentifier(), event.getPayloadType().getSimpleName(), cause.getMessage());
            return Decisions.requeue(cause);
        }
        if (mayPass(failure)) {
            log.warn("Processor {} could not handle event {} ({}) for a reason that may pass; it is tried again, not dead-lettered: {}",
                    processor, event.getIdentifier(), event.getPayloadType().getSimpleName(), cause.getMessage());
            throw rethrown(failure);
        }
        log.error("Processor {} could not handle event {} ({}) of {}: dead-lettered, with the events of the same sequence that follow",
                processor, event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregateOf(event), failure);
        return Decisions.enqueue(cause);
    }

    /** Axon notes the dead letter in the unit of work it retries it in. */
    private static boolean retrying() {
        return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.getResource(DeadLetter.class.getName())).isPresent();
    }

    static boolean mayPass(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && PASSING_SQL_STATES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure's type and what the innermost cause said (the database's own words, rather than
     * the SQL around them), as the dead-letter table keeps it: printable, and no longer than its column.
     */
    static ThrowableCause causeOf(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String said = innermost.getMessage() != null ? innermost.getMessage() : String.valueOf(failure.getMessage());
        String printable = said.replaceAll("\\p{Cntrl}", " ").strip();
        return new ThrowableCause(failure.getClass().getName(),
                printable.substring(0, Math.min(printable.length(), CAUSE_LENGTH)));
    }

    private static String aggregateOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain
                ? domain.getType() + " " + domain.getAggregateIdentifier() : "no aggregate";
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }
}
