package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** We decided not to meet the need, and said why. */
@EventType(name = "rapport.outreach.unmet-need-declined")
public record UnmetNeedDeclined(UUID needId, UUID accountId, String why, Instant occurredAt) implements AccountEvent {
}
