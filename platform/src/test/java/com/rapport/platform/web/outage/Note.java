package com.rapport.platform.web.outage;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The smallest aggregate that reads and appends events, as every service's do. */
@Aggregate
public class Note {

    public record Write(@TargetAggregateIdentifier UUID noteId) {
    }

    public record Written(UUID noteId) {
    }

    @AggregateIdentifier
    private UUID noteId;

    protected Note() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(Write command) {
        if (noteId == null) {
            apply(new Written(command.noteId()));
        }
    }

    @EventSourcingHandler
    void on(Written written) {
        noteId = written.noteId();
    }
}
