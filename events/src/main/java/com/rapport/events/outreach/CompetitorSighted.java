package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.Attributed;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** A competitor was seen around the client. */
@EventType(name = "rapport.outreach.competitor-sighted")
public record CompetitorSighted(
        UUID signalId,
        UUID accountId,
        String competitor,
        String note,
        String staffId,
        Instant occurredAt) implements AccountEvent, Attributed {
}
