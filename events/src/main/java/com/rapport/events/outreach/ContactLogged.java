package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.Attributed;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** We were in touch with the client, or tried to be. */
@EventType(name = "rapport.outreach.contact-logged")
public record ContactLogged(
        UUID contactId,
        UUID accountId,
        Channel channel,
        ContactOutcome outcome,
        Direction direction,
        String staffId,
        StaffRole staffRole,
        Agenda agenda,
        String note,
        Instant occurredAt) implements AccountEvent, Attributed {
}
