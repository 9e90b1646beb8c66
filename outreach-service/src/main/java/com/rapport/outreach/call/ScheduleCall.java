package com.rapport.outreach.call;

import com.rapport.events.outreach.CallScheduled;
import com.rapport.outreach.account.AccountStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Plan a call to the client, due at {@code dueAt}. */
public record ScheduleCall(@TargetAggregateIdentifier UUID callId, UUID accountId, String staffId, Instant dueAt,
                           String purpose, Instant occurredAt, Instant receivedAt, AccountStanding account) {

    CallScheduled recordedAt(Instant at) {
        return new CallScheduled(callId, accountId, staffId, dueAt, purpose, at);
    }
}
