package com.rapport.events.insights;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The neglected account is no longer neglected: someone spoke with the client, or it was lost. */
@EventType(name = "rapport.insights.neglect-flag-cleared")
public record NeglectFlagCleared(UUID accountId, Instant asOf) implements AccountEvent {

    @Override
    public Instant occurredAt() {
        return asOf;
    }
}
