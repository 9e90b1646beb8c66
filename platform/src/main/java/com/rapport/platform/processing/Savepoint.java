package com.rapport.platform.processing;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.Callable;

/**
 * Work done in a savepoint of the transaction under way, rolled back to it if the work fails: what it
 * wrote is undone and the transaction goes on. On PostgreSQL a failed statement aborts the whole
 * transaction ("current transaction is aborted, commands ignored until end of transaction block"),
 * so whatever is to be written after a failure (a dead letter, the next account of a batch) needs
 * the failure kept in a savepoint of its own. Without a transaction under way, the work runs as it is.
 */
public final class Savepoint {

    private static final TransactionDefinition NESTED = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private Savepoint() {
    }

    public static <T> T around(PlatformTransactionManager transactions, Callable<T> work) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.call();
        }
        TransactionStatus savepoint = transactions.getTransaction(NESTED);
        T result;
        try {
            result = work.call();
        } catch (Exception | Error failure) {
            try {
                transactions.rollback(savepoint);
            } catch (RuntimeException rollbackFailed) {
                failure.addSuppressed(rollbackFailed);
            }
            throw failure;
        }
        transactions.commit(savepoint);
        return result;
    }

    /** @throws RuntimeException what the work threw, once rolled back */
    public static void around(PlatformTransactionManager transactions, Runnable work) {
        try {
            around(transactions, () -> {
                work.run();
                return null;
            });
        } catch (RuntimeException | Error failure) {
            throw failure;
        } catch (Exception cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }
}
