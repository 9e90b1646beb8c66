package com.rapport.outreach.pitch;

import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.PitchOutcomeRecorded;
import com.rapport.outreach.recording.Recording;
import com.rapport.platform.problem.NotFound;
import com.rapport.platform.web.EventClock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A pitch and its answer. It guards that a pitch is made to an account we still have, that an
 * outcome needs its pitch, and that a pitch is answered once, not before it was made.
 */
@Aggregate
public class Pitch {

    @AggregateIdentifier
    private UUID pitchId;
    private PitchMade made;
    private PitchOutcomeRecorded answer;

    protected Pitch() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(MakePitch command) {
        if (made == null) {
            command.account().requireActive("a pitch");
            apply(command.recordedAt(command.account().dated(command.occurredAt(), command.receivedAt())));
        } else {
            Recording.requireRetry("Pitch " + pitchId, made, command.occurredAt(), command::recordedAt);
        }
    }

    @CommandHandler
    public void handle(RecordPitchOutcome command) {
        if (made == null) {
            throw new NotFound("No pitch with id " + command.pitchId() + " was made");
        }
        if (answer == null) {
            apply(new PitchOutcomeRecorded(pitchId, made.accountId(), command.outcome(),
                    EventClock.datedAfter(command.occurredAt(), command.receivedAt(), made.occurredAt(),
                            "NotBeforePitch", "the pitch was made")));
        } else {
            Recording.requireRetry("The outcome of pitch " + pitchId + " (" + answer.outcome() + ")", answer,
                    command.occurredAt(), at -> new PitchOutcomeRecorded(pitchId, made.accountId(), command.outcome(), at));
        }
    }

    @EventSourcingHandler
    void on(PitchMade event) {
        pitchId = event.pitchId();
        made = event;
    }

    @EventSourcingHandler
    void on(PitchOutcomeRecorded event) {
        answer = event;
    }
}
