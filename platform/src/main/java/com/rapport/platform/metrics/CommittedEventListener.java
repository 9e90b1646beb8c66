package com.rapport.platform.metrics;

import org.axonframework.eventhandling.EventMessage;

/**
 * Told about each event this service appends, once the unit of work that appended it has
 * committed: never for an append that was rolled back, once for a command that was retried.
 * Beans of this type are called by {@link CommittedEvents}.
 */
@FunctionalInterface
public interface CommittedEventListener {

    void committed(EventMessage<?> event);
}
