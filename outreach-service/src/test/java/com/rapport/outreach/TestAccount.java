package com.rapport.outreach;

import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.StaffRole;
import com.rapport.outreach.account.AccountStanding;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.Instant;
import java.util.UUID;

/** The account every outreach test records against: opened at {@link #OPENED}, either still ours or lost. */
public final class TestAccount {

    public static final UUID ACCOUNT_ID = UUID.fromString("6f1d9b1e-3c4a-4e1b-9a53-000000000001");
    public static final Instant OPENED = Instant.parse("2026-01-05T09:00:00Z");
    /** A time the client gives for what happened. */
    public static final Instant LATER = Instant.parse("2026-03-01T10:00:00Z");
    /** When the request came in. */
    public static final Instant RECEIVED = Instant.parse("2026-11-22T08:00:00Z");
    public static final Instant BEFORE_OPENING = OPENED.minusSeconds(1);

    public static final AccountStanding ACTIVE = new AccountStanding(ACCOUNT_ID, OPENED, false);
    public static final AccountStanding LOST = new AccountStanding(ACCOUNT_ID, OPENED, true);

    private TestAccount() {
    }

    /**
     * A record of another kind under the given id: a pitch, whatever the aggregate under test is.
     * It names its aggregate's type, as the store does, since that is what tells the kinds apart.
     */
    public static DomainEventMessage<PitchMade> anotherKindOfRecord(UUID id) {
        return new GenericDomainEventMessage<>("Pitch", id.toString(), 0,
                new PitchMade(id, ACCOUNT_ID, "managed backups", true, "alice", LATER));
    }

    /** A record of another kind under the given id, for the pitch's own tests: a contact. */
    public static DomainEventMessage<ContactLogged> aContact(UUID id) {
        return new GenericDomainEventMessage<>("Contact", id.toString(), 0,
                new ContactLogged(id, ACCOUNT_ID, Channel.CALL, ContactOutcome.CONNECTED, Direction.OUTBOUND, "alice",
                        StaffRole.ACCOUNT_MANAGER, Agenda.CHECK_IN, null, null, LATER));
    }
}
