package com.rapport.outreach.call;

import com.rapport.events.outreach.CallCompleted;
import com.rapport.events.outreach.CallMissed;
import com.rapport.events.outreach.CallRescheduled;
import com.rapport.events.outreach.CallScheduled;
import com.rapport.outreach.recording.Recording;
import com.rapport.platform.problem.Conflict;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.problem.NotFound;
import com.rapport.platform.web.EventClock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A planned call. It guards that calls are planned for accounts we still have, may be moved
 * while open, and end once: completed (linked to a contact with the same account) or missed,
 * never both, and no step dated before the call was planned.
 */
@Aggregate
public class Call {

    @AggregateIdentifier
    private UUID callId;
    private CallScheduled scheduled;
    private Instant dueAt;
    private CallCompleted completed;
    private CallMissed missed;

    protected Call() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ScheduleCall command) {
        if (scheduled == null) {
            command.account().requireActive("a call");
            apply(command.recordedAt(command.account().dated(command.occurredAt(), command.receivedAt())));
        } else {
            Recording.requireRetry("Call " + callId, scheduled, command.occurredAt(), command::recordedAt);
        }
    }

    @CommandHandler
    public void handle(RescheduleCall command) {
        requireScheduled(command.callId());
        Instant occurredAt = dated(command.occurredAt(), command.receivedAt());
        requireOpen("rescheduled");
        if (!command.dueAt().equals(dueAt)) {
            apply(new CallRescheduled(callId, scheduled.accountId(), command.dueAt(), command.why(), occurredAt));
        }
    }

    @CommandHandler
    public void handle(CompleteCall command) {
        requireScheduled(command.callId());
        if (completed != null) {
            Recording.requireRetry("The completion of call " + callId, completed, command.occurredAt(),
                    at -> new CallCompleted(callId, scheduled.accountId(), command.contactId(), at));
            return;
        }
        Instant occurredAt = dated(command.occurredAt(), command.receivedAt());
        requireOpen("completed");
        if (!scheduled.accountId().equals(command.contactAccountId())) {
            throw new InvalidField("contactId", "SameAccount",
                    "must be a contact with account " + scheduled.accountId() + ", the account the call was planned for");
        }
        apply(new CallCompleted(callId, scheduled.accountId(), command.contactId(), occurredAt));
    }

    @CommandHandler
    public void handle(MarkCallMissed command) {
        requireScheduled(command.callId());
        if (missed != null) {
            Recording.requireRetry("Missed call " + callId, missed, command.occurredAt(),
                    at -> new CallMissed(callId, scheduled.accountId(), at));
            return;
        }
        Instant occurredAt = dated(command.occurredAt(), command.receivedAt());
        requireOpen("marked missed");
        apply(new CallMissed(callId, scheduled.accountId(), occurredAt));
    }

    @EventSourcingHandler
    void on(CallScheduled event) {
        callId = event.callId();
        scheduled = event;
        dueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(CallRescheduled event) {
        dueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(CallCompleted event) {
        completed = event;
    }

    @EventSourcingHandler
    void on(CallMissed event) {
        missed = event;
    }

    private void requireScheduled(UUID requested) {
        if (scheduled == null) {
            throw new NotFound("No call with id " + requested + " was scheduled");
        }
    }

    private void requireOpen(String change) {
        if (completed != null) {
            throw new Conflict("Call " + callId + " was completed on " + completed.occurredAt() + " and cannot be " + change);
        }
        if (missed != null) {
            throw new Conflict("Call " + callId + " was missed on " + missed.occurredAt() + " and cannot be " + change);
        }
    }

    private Instant dated(Instant requested, Instant receivedAt) {
        return EventClock.datedAfter(requested, receivedAt, scheduled.occurredAt(), "NotBeforeScheduled", "the call was scheduled");
    }
}
