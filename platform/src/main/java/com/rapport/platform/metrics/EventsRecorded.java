package com.rapport.platform.metrics;

import com.rapport.events.EventType;
import com.rapport.events.PublishedLanguage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;

/**
 * {@code rapport.events.recorded{type}}: the events this service has appended to the store, by
 * their external name. Each service counts only its own appends, so the sum over services is
 * what the store received.
 */
public class EventsRecorded implements CommittedEventListener {

    private final MeterRegistry registry;

    public EventsRecorded(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void committed(EventMessage<?> event) {
        Counter.builder("rapport.events.recorded")
                .description("Events this service appended to the event store, by type")
                .tag("type", typeOf(event))
                .register(registry)
                .increment();
    }

    private static String typeOf(EventMessage<?> event) {
        return PublishedLanguage.describe(event.getPayloadType())
                .map(EventType::name)
                .orElseGet(() -> event.getPayloadType().getName());
    }
}
