package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.Attributed;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The client needs something we do not (yet) give them. */
@EventType(name = "rapport.outreach.unmet-need-raised")
public record UnmetNeedRaised(
        UUID needId,
        UUID accountId,
        String description,
        String category,
        String discoveredVia,
        String staffId,
        Instant occurredAt) implements AccountEvent, Attributed {
}
