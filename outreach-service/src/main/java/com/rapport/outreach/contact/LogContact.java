package com.rapport.outreach.contact;

import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.StaffRole;
import com.rapport.outreach.account.AccountStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Log a contact with the client, or an attempt at one. */
public record LogContact(@TargetAggregateIdentifier UUID contactId, UUID accountId, Channel channel,
                         ContactOutcome outcome, Direction direction, String staffId, StaffRole staffRole,
                         Agenda agenda, String note, Integer durationMinutes, Instant occurredAt, Instant receivedAt,
                         AccountStanding account) {

    ContactLogged recordedAt(Instant at) {
        return new ContactLogged(contactId, accountId, channel, outcome, direction, staffId, staffRole, agenda, note,
                durationMinutes, at);
    }
}
