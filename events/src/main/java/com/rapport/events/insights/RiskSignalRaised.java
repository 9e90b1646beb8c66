package com.rapport.events.insights;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A risk signal was raised on an account: one thing known to come before losses, reason enough to
 * call whatever its health score says. Raised again only after it was cleared.
 *
 * @param signal  the signal's key: detractorComplaint, competitorSighted, needPastGrace, topAccountOverdue,
 *                momentumCollapse, unreachable (more may come)
 * @param reason  a sentence a sales leader can read
 * @param figures the figures it was raised on, by name, e.g. {@code daysSinceContact} and {@code cadenceDays}
 * @param subject what it is about when that is one thing among several (the competitor, the need's id); else null
 * @param asOf    the moment of the assessment that raised it
 */
@EventType(name = "rapport.insights.risk-signal-raised")
public record RiskSignalRaised(UUID accountId, String signal, String reason, Map<String, Long> figures, String subject,
                               Instant asOf) implements AccountEvent {

    public RiskSignalRaised {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
    }

    @Override
    public Instant occurredAt() {
        return asOf;
    }
}
