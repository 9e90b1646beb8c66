package com.rapport.outreach.feedback;

import com.rapport.events.outreach.FeedbackReceived;
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
 * Feedback is a fact, and is heard from clients we still have and from those who left. The
 * aggregate guards that its id names one piece of feedback.
 */
@Aggregate
public class Feedback {

    @AggregateIdentifier
    private UUID feedbackId;
    private FeedbackReceived received;

    protected Feedback() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFeedback command) {
        if (received == null) {
            apply(command.recordedAt(command.account().dated(command.occurredAt(), command.receivedAt())));
        } else {
            Recording.requireRetry("Feedback " + feedbackId, received, command.occurredAt(), command::recordedAt);
        }
    }

    @EventSourcingHandler
    void on(FeedbackReceived event) {
        feedbackId = event.feedbackId();
        received = event;
    }
}
