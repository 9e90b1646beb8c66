package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The call did not happen. */
@EventType(name = "rapport.outreach.call-missed")
public record CallMissed(UUID callId, UUID accountId, Instant occurredAt) implements AccountEvent {
}
