package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** We met the need. */
@EventType(name = "rapport.outreach.unmet-need-addressed")
public record UnmetNeedAddressed(UUID needId, UUID accountId, String how, Instant occurredAt) implements AccountEvent {
}
