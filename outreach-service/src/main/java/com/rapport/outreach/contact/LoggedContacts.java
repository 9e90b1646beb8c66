package com.rapport.outreach.contact;

import com.rapport.events.outreach.ContactLogged;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Looks a contact up in the event store itself, so a contact logged a moment ago is found. */
@Component
public class LoggedContacts {

    private final EventStore events;

    public LoggedContacts(EventStore events) {
        this.events = events;
    }

    public Optional<ContactLogged> find(UUID contactId) {
        DomainEventStream stream = events.readEvents(contactId.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof ContactLogged logged) {
                return Optional.of(logged);
            }
        }
        return Optional.empty();
    }
}
