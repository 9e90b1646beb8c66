package com.rapport.platform.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;

import javax.annotation.Nonnull;
import java.lang.reflect.Executable;

/**
 * Every projection's event handler runs in a {@link Savepoint} of the processor's transaction: without
 * it, on PostgreSQL, the dead letter written after a failed handler, in the same transaction, would
 * fail too, and the event would be retried for ever; on either database it keeps a handler that failed
 * halfway from leaving half an event in its read model.
 * <p>
 * Aggregates' event-sourcing handlers only change state in memory and are left alone, as are the
 * handlers of a projection {@link AppliedInBatches}, which keeps a savepoint per share of a batch itself.
 */
public class EventHandlerSavepoints implements HandlerEnhancerDefinition {

    private final PlatformTransactionManager transactions;

    public EventHandlerSavepoints(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        boolean projecting = original.canHandleMessageType(EventMessage.class)
                && original.unwrap(Executable.class)
                           .map(method -> !method.isAnnotationPresent(EventSourcingHandler.class)
                                   && !method.getDeclaringClass().isAnnotationPresent(AppliedInBatches.class))
                           .orElse(false);
        return projecting ? new InSavepoint<>(original) : original;
    }

    private class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        InSavepoint(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(@Nonnull Message<?> message, T target) throws Exception {
            return Savepoint.around(transactions, () -> super.handle(message, target));
        }
    }
}
