package com.rapport.platform.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognises a violated unique key (SQLSTATE 23505) wherever the driver put it, so that two
 * writers racing on one aggregate become Axon's retryable ConcurrencyException and not a 500.
 * H2 hides the state in {@link SQLException#getNextException()}; the PostgreSQL driver throws a
 * class Axon's default resolver does not look for.
 */
public final class UniqueKeyViolation implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return hasUniqueViolation(exception, new HashSet<>());
    }

    private static boolean hasUniqueViolation(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof SQLException sql) {
            if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (hasUniqueViolation(sql.getNextException(), seen)) {
                return true;
            }
        }
        return hasUniqueViolation(failure.getCause(), seen);
    }
}
