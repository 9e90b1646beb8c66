package com.rapport.platform.importing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Sits on the event bus and counts the events a command published, so that an import can tell a
 * line that recorded something from a retry of what was already there. Commands are handled in
 * the thread that sends them (Axon's simple command bus), so the count belongs to that thread.
 */
public final class AppendedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private final ThreadLocal<int[]> counting = new ThreadLocal<>();

    /** @return how many events were published while {@code command} ran */
    public int countWhile(Supplier<?> command) {
        int[] count = {0};
        counting.set(count);
        try {
            command.get();
            return count[0];
        } finally {
            counting.remove();
        }
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        int[] count = counting.get();
        if (count != null) {
            count[0] += events.size();
        }
        return (index, event) -> event;
    }
}
