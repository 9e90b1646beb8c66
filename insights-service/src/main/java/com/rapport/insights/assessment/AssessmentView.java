package com.rapport.insights.assessment;

import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.Runway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An assessment as the HTTP contract shapes it, with whether it is flagged, the risk signals it raised, and its
 * runway: when it will be flagged if nothing happens (null when not within a year).
 */
public record AssessmentView(UUID accountId, String name, String ownerId, Tier tier, BigDecimal annualValue,
                             String currency, String status, Instant asOf, int score, HealthBand band, boolean neglected,
                             long daysSinceContact, int cadenceDays, List<String> topReasons, List<FactorView> factors,
                             boolean flagged, List<SignalView> signals, RunwayView runway) {

    public record FactorView(String factor, int score, int weight, String reason) {
    }

    /** A risk signal raised: its key, the sentence, and its figures by name. */
    public record SignalView(String signal, String reason, Map<String, Long> figures, String subject) {
    }

    /**
     * When the account will be flagged if nothing happens.
     *
     * @param days    whole days from the assessment's {@code asOf}: 0 when it is flagged already
     * @param because AT_RISK, CRITICAL, NEGLECTED or a risk signal's key
     */
    public record RunwayView(Instant flaggedAt, long days, String because) {
    }

    /** @param runway the account's runway from the assessment's moment; null when none within the horizon */
    public static AssessmentView of(Assessment assessment, Runway runway) {
        return new AssessmentView(assessment.accountId(), assessment.name(), assessment.ownerId(), assessment.tier(),
                assessment.annualValue(), assessment.currency(), assessment.lost() ? "LOST" : "ACTIVE",
                assessment.asOf(), assessment.score(), assessment.band(), assessment.neglected(),
                assessment.daysSinceContact(), assessment.cadenceDays(), assessment.topReasons(3),
                assessment.factors().stream()
                        .map(factor -> new FactorView(factor.factor().key(), factor.score(), factor.weight(), factor.reason()))
                        .toList(),
                assessment.flagged(),
                assessment.signals().stream()
                        .map(signal -> new SignalView(signal.signal().key(), signal.reason(), signal.figures(), signal.subject()))
                        .toList(),
                runway == null ? null
                        : new RunwayView(runway.flaggedAt(), runway.daysFrom(assessment.asOf()), runway.because()));
    }
}
