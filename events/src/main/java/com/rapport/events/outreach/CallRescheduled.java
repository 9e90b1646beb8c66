package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The call moved, e.g. after a voicemail. */
@EventType(name = "rapport.outreach.call-rescheduled")
public record CallRescheduled(UUID callId, UUID accountId, Instant dueAt, String why, Instant occurredAt)
        implements AccountEvent {
}
