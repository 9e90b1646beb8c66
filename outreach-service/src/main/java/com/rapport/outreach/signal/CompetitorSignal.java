package com.rapport.outreach.signal;

import com.rapport.events.outreach.CompetitorSighted;
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
 * A competitor sighting is a fact about an account we still have. The aggregate guards that
 * its id names one sighting.
 */
@Aggregate
public class CompetitorSignal {

    @AggregateIdentifier
    private UUID signalId;
    private CompetitorSighted sighted;

    protected CompetitorSignal() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordCompetitorSighting command) {
        if (sighted == null) {
            command.account().requireActive("a competitor sighting");
            apply(command.recordedAt(command.account().dated(command.occurredAt(), command.receivedAt())));
        } else {
            Recording.requireRetry("Competitor sighting " + signalId, sighted, command.occurredAt(), command::recordedAt);
        }
    }

    @EventSourcingHandler
    void on(CompetitorSighted event) {
        signalId = event.signalId();
        sighted = event;
    }
}
