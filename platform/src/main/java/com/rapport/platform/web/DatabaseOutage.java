package com.rapport.platform.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a request failed because the database could not be reached or went away (it is down,
 * restarting, or the pool had no connection in time), so that the same request may succeed
 * shortly; anything else is a bug and stays one.
 * <p>
 * The failure arrives wrapped in whatever was using the database: Axon's {@code EventStoreException}
 * or {@code JdbcException}, the command gateway, Spring's transaction manager or its
 * {@code DataAccessException}s. So the whole chain of causes is read, and the JDBC facts decide:
 * a connection exception (SQLSTATE class 08, and the drivers' connection exception classes, H2's
 * "connection is broken" and "database is closed" among them), PostgreSQL shutting down, crashed
 * or starting up (57P01, 57P02, 57P03) or out of connections (53300), or Spring's word that the
 * resource failed or that the failure is transient (a lock or a statement that timed out). A
 * syntax error, a violated constraint or a null pointer is not an outage.
 */
final class DatabaseOutage {

    /** what the answer's Retry-After says: about how long a database restart takes */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    static boolean explains(Throwable failure) {
        return explains(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean explains(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof DataAccessResourceFailureException || failure instanceof CannotCreateTransactionException
                || failure instanceof TransientDataAccessException
                || failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (failure instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                return true;
            }
            if (explains(sql.getNextException(), seen)) {
                return true;
            }
        }
        return explains(failure.getCause(), seen);
    }
}
