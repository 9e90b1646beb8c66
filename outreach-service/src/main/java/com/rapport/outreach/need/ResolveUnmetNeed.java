package com.rapport.outreach.need;

import com.rapport.events.AccountEvent;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * End an unmet need: {@code how} we addressed it, {@code why} we declined it, or the
 * {@code competitor} who met it first.
 */
public record ResolveUnmetNeed(@TargetAggregateIdentifier UUID needId, NeedResolution outcome, String how, String why,
                               String competitor, Instant occurredAt, Instant receivedAt) {

    AccountEvent recordedAt(UUID accountId, Instant at) {
        return switch (outcome) {
            case ADDRESSED -> new UnmetNeedAddressed(needId, accountId, how, at);
            case DECLINED -> new UnmetNeedDeclined(needId, accountId, why, at);
            case LOST_TO_COMPETITOR -> new UnmetNeedLostToCompetitor(needId, accountId, competitor, at);
        };
    }
}
