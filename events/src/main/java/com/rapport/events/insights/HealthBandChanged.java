package com.rapport.events.insights;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account's health moved to another band.
 *
 * @param fromBand null for the account's first assessment
 * @param reasons  the sentences of the factors that weigh most, worst first
 * @param asOf     the moment the assessment describes
 */
@EventType(name = "rapport.insights.health-band-changed")
public record HealthBandChanged(UUID accountId, HealthBand fromBand, HealthBand toBand, int score, List<String> reasons,
                                Instant asOf) implements AccountEvent {

    public HealthBandChanged {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    @Override
    public Instant occurredAt() {
        return asOf;
    }
}
