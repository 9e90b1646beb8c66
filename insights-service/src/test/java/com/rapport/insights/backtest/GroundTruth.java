package com.rapport.insights.backtest;

import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What really happened to a generated account, which its events only show: what a backtest is judged against.
 *
 * @param driftStartedAt when attention began to fall away; null for accounts that never drift
 * @param symptoms       what the drift showed; empty without a drift
 * @param recoveredAt    when attention brought a drifting account back; null unless {@link Archetype#DRIFT_WON_BACK}
 * @param lostAt         when the client left; null for accounts kept
 * @param lossReason     why, as recorded on the loss; null for accounts kept
 */
public record GroundTruth(UUID accountId, String name, Tier tier, Archetype archetype, Instant openedAt,
                          Instant driftStartedAt, Set<Symptom> symptoms, Instant recoveredAt, Instant lostAt,
                          LossReason lossReason) {

    public GroundTruth {
        symptoms = Set.copyOf(symptoms);
    }
}
