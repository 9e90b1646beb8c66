package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.Attributed;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** Someone is to call the client by {@code dueAt}. */
@EventType(name = "rapport.outreach.call-scheduled")
public record CallScheduled(
        UUID callId,
        UUID accountId,
        String staffId,
        Instant dueAt,
        String purpose,
        Instant occurredAt) implements AccountEvent, Attributed {
}
