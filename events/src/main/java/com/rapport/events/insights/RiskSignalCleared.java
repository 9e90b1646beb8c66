package com.rapport.events.insights;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * A risk signal raised on an account no longer holds (see {@link RiskSignalRaised}).
 *
 * @param signal the signal's key
 * @param asOf   the moment of the assessment that cleared it
 */
@EventType(name = "rapport.insights.risk-signal-cleared")
public record RiskSignalCleared(UUID accountId, String signal, Instant asOf) implements AccountEvent {

    @Override
    public Instant occurredAt() {
        return asOf;
    }
}
