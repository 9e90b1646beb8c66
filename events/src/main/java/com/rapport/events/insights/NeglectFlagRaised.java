package com.rapport.events.insights;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** Nobody has spoken with the client for more than 1.5 times the account's contact cadence. */
@EventType(name = "rapport.insights.neglect-flag-raised")
public record NeglectFlagRaised(UUID accountId, long daysSinceContact, int cadenceDays, Instant asOf)
        implements AccountEvent {

    @Override
    public Instant occurredAt() {
        return asOf;
    }
}
