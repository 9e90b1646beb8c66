package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.AddedIn;
import com.rapport.events.Attributed;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * We were in touch with the client, or tried to be.
 *
 * @param durationMinutes how long we were in touch, where someone noted it; contacts logged before
 *                        revision 2 did not record it
 */
@EventType(name = "rapport.outreach.contact-logged", revision = 2)
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
        @AddedIn(2) Integer durationMinutes,
        Instant occurredAt) implements AccountEvent, Attributed {
}
