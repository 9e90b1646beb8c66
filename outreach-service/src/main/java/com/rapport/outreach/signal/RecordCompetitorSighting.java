package com.rapport.outreach.signal;

import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.outreach.account.AccountStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that a competitor was seen around the client. */
public record RecordCompetitorSighting(@TargetAggregateIdentifier UUID signalId, UUID accountId, String competitor,
                                       String note, String staffId, Instant occurredAt, Instant receivedAt,
                                       AccountStanding account) {

    CompetitorSighted recordedAt(Instant at) {
        return new CompetitorSighted(signalId, accountId, competitor, note, staffId, at);
    }
}
