package com.rapport.outreach.contact;

import com.rapport.events.outreach.ContactLogged;
import com.rapport.outreach.recording.Recording;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A contact is a fact: logged once, for an account we still have, never changed. The aggregate
 * guards that its id names one contact: a retry is accepted, other content is refused.
 */
@Aggregate
public class Contact {

    @AggregateIdentifier
    private UUID contactId;
    private ContactLogged logged;

    protected Contact() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(LogContact command) {
        if (logged == null) {
            command.account().requireActive("a contact");
            apply(command.recordedAt(command.account().dated(command.occurredAt(), command.receivedAt())));
        } else {
            Recording.requireRetry("Contact " + contactId, logged, command.occurredAt(), command::recordedAt);
        }
    }

    @EventSourcingHandler
    void on(ContactLogged event) {
        contactId = event.contactId();
        logged = event;
    }
}
