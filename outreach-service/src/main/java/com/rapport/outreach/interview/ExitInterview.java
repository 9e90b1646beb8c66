package com.rapport.outreach.interview;

import com.rapport.events.outreach.LostClientInterviewRecorded;
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
 * An exit interview is a fact, and only a lost account has one. The aggregate guards that its
 * id names one interview.
 */
@Aggregate
public class ExitInterview {

    @AggregateIdentifier
    private UUID interviewId;
    private LostClientInterviewRecorded recorded;

    protected ExitInterview() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordExitInterview command) {
        if (recorded == null) {
            command.account().requireLost();
            apply(command.recordedAt(command.account().dated(command.occurredAt(), command.receivedAt())));
        } else {
            Recording.requireRetry("Exit interview " + interviewId, recorded, command.occurredAt(), command::recordedAt);
        }
    }

    @EventSourcingHandler
    void on(LostClientInterviewRecorded event) {
        interviewId = event.interviewId();
        recorded = event;
    }
}
