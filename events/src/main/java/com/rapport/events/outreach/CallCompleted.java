package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The call happened; {@code contactId} is the contact it became. */
@EventType(name = "rapport.outreach.call-completed")
public record CallCompleted(UUID callId, UUID accountId, UUID contactId, Instant occurredAt) implements AccountEvent {
}
