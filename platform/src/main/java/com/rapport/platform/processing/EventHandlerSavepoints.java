package com.rapport.platform.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.annotation.Nonnull;
import java.lang.reflect.Executable;

/**
 * Every projection's event handler runs in a savepoint of the processor's transaction, and a
 * failure rolls back to it: what the handler wrote is undone, and the transaction goes on. On
 * PostgreSQL a failed statement aborts the whole transaction ("current transaction is aborted,
 * commands ignored until end of transaction block"), so without it the dead letter written next, in
 * the same transaction, would fail too, and the event would be retried for ever; on either database
 * it keeps a handler that failed halfway from leaving half an event in its read model.
 * <p>
 * Aggregates' event-sourcing handlers only change state in memory and are left alone.
 */
public class EventHandlerSavepoints implements HandlerEnhancerDefinition {

    private static final TransactionDefinition SAVEPOINT =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final PlatformTransactionManager transactions;

    public EventHandlerSavepoints(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        boolean projecting = original.canHandleMessageType(EventMessage.class)
                && original.unwrap(Executable.class)
                           .map(method -> !method.isAnnotationPresent(EventSourcingHandler.class))
                           .orElse(false);
        return projecting ? new InSavepoint<>(original) : original;
    }

    private class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        InSavepoint(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(@Nonnull Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            TransactionStatus savepoint = transactions.getTransaction(SAVEPOINT);
            Object result;
            try {
                result = super.handle(message, target);
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
    }
}
