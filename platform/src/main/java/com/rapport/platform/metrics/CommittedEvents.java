package com.rapport.platform.metrics;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Sits on the event bus and tells every {@link CommittedEventListener} about each event this
 * service publishes, after the root unit of work has committed it to the store (and the
 * transaction it joined, if it joined a longer one). A unit of work
 * that rolls back (a lost race on an aggregate, a failed transaction) tells nobody; the retry
 * of a command is a unit of work of its own and is told about once it commits.
 */
public class CommittedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private final List<CommittedEventListener> listeners;

    public CommittedEvents(List<CommittedEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        return (index, event) -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> whenCommitted(() -> tell(event)));
            } else {
                // published outside a unit of work, the event bus stores it at once
                tell(event);
            }
            return event;
        };
    }

    /**
     * A unit of work that joined a longer transaction (a chunk of an import) has committed its part
     * only: the events are committed with that transaction, if it commits.
     */
    private static void whenCommitted(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private void tell(EventMessage<?> event) {
        listeners.forEach(listener -> listener.committed(event));
    }
}
