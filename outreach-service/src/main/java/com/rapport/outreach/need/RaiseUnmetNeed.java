package com.rapport.outreach.need;

import com.rapport.events.outreach.UnmetNeedRaised;
import com.rapport.outreach.account.AccountStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record a need the client has that we do not (yet) meet. */
public record RaiseUnmetNeed(@TargetAggregateIdentifier UUID needId, UUID accountId, String description,
                             String category, String discoveredVia, String staffId,
                             Instant occurredAt, Instant receivedAt, AccountStanding account) {

    UnmetNeedRaised recordedAt(Instant at) {
        return new UnmetNeedRaised(needId, accountId, description, category, discoveredVia, staffId, at);
    }
}
