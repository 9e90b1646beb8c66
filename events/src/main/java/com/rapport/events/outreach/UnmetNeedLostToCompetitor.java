package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** A competitor met the need before we did. */
@EventType(name = "rapport.outreach.unmet-need-lost-to-competitor")
public record UnmetNeedLostToCompetitor(UUID needId, UUID accountId, String competitor, Instant occurredAt)
        implements AccountEvent {
}
