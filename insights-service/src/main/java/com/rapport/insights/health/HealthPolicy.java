package com.rapport.insights.health;

import com.rapport.events.account.Tier;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a healthy relationship is expected to look like. Configuration ({@code rapport.health.*})
 * with the design's defaults; see {@link #defaults()}.
 *
 * @param cadenceDays         how often each tier should hear from us (an account may override it)
 * @param faceTimeDays        how often each tier should see us face to face; a tier not listed has no such expectation
 * @param executiveTouchDays  how often each tier should hear from an executive; a tier not listed has no such expectation
 * @param rePitchDays         how often every account should be pitched as if it were a new prospect
 * @param needGraceDays       how long an unmet need may stay open before it weighs on health
 * @param competitorWindowDays how far back competitor sightings count
 * @param momentumWindowDays  the length of the two windows whose contacts momentum compares
 * @param unansweredAttempts  how many voicemails and no-answers since the last connect start to weigh
 * @param neglectMultiplier   an account is neglected past this many cadences without a connected contact
 * @param healthyFrom         the lowest score that is HEALTHY
 * @param watchFrom           the lowest score that is WATCH
 * @param atRiskFrom          the lowest score that is AT_RISK; below it is CRITICAL
 * @param weights             how much each factor counts
 * @param signals             when each risk signal is raised; left out, the defaults
 */
public record HealthPolicy(
        Map<Tier, Integer> cadenceDays,
        Map<Tier, Integer> faceTimeDays,
        Map<Tier, Integer> executiveTouchDays,
        int rePitchDays,
        int needGraceDays,
        int competitorWindowDays,
        int momentumWindowDays,
        int unansweredAttempts,
        double neglectMultiplier,
        int healthyFrom,
        int watchFrom,
        int atRiskFrom,
        Map<Factor, Integer> weights,
        SignalPolicy signals) {

    public HealthPolicy {
        cadenceDays = copy(cadenceDays, Tier.class);
        faceTimeDays = copy(faceTimeDays, Tier.class);
        executiveTouchDays = copy(executiveTouchDays, Tier.class);
        weights = copy(weights, Factor.class);
        signals = Objects.requireNonNullElse(signals, SignalPolicy.defaults());
        for (Tier tier : Tier.values()) {
            require(cadenceDays.getOrDefault(tier, 0) > 0, "cadenceDays needs a positive number of days for " + tier);
        }
        require(faceTimeDays.values().stream().allMatch(days -> days > 0), "faceTimeDays must be positive");
        require(executiveTouchDays.values().stream().allMatch(days -> days > 0), "executiveTouchDays must be positive");
        for (Factor factor : Factor.values()) {
            require(weights.getOrDefault(factor, -1) >= 0, "weights needs a weight of 0 or more for " + factor.key());
        }
        require(weights.values().stream().mapToInt(Integer::intValue).sum() > 0, "weights must not all be 0");
        require(rePitchDays > 0 && needGraceDays >= 0 && competitorWindowDays > 0 && momentumWindowDays > 0
                && unansweredAttempts > 0, "day counts must be positive");
        require(neglectMultiplier >= 1, "neglectMultiplier must be at least 1");
        require(100 >= healthyFrom && healthyFrom > watchFrom && watchFrom > atRiskFrom && atRiskFrom > 0,
                "bands must satisfy 100 >= healthyFrom > watchFrom > atRiskFrom > 0");
        // the account's state keeps sightings for the competitor window only
        require(signals.competitorWithinDays() <= competitorWindowDays,
                "signals.competitorWithinDays must not exceed competitorWindowDays");
    }

    /** The expectations of the design: cadence by tier, face time and executive touch for the top tiers, and so on. */
    public static HealthPolicy defaults() {
        return new HealthPolicy(
                Map.of(Tier.STRATEGIC, 7, Tier.KEY, 30, Tier.CORE, 90, Tier.LONG_TAIL, 180),
                Map.of(Tier.STRATEGIC, 90, Tier.KEY, 180),
                Map.of(Tier.STRATEGIC, 90, Tier.KEY, 180),
                180, 30, 90, 90, 3, 1.5, 75, 50, 25,
                Map.of(Factor.CONTACT_RECENCY, 25, Factor.FACE_TIME, 10, Factor.EXECUTIVE_TOUCH, 10,
                        Factor.RE_PITCH, 5, Factor.UNMET_NEEDS, 10, Factor.VOICE_OF_CLIENT, 15,
                        Factor.COMPETITOR_PRESSURE, 10, Factor.MOMENTUM, 10, Factor.UNANSWERED_ATTEMPTS, 5),
                SignalPolicy.defaults());
    }

    /** The same expectations with other weights and band thresholds: what calibration changes. */
    public HealthPolicy withWeightsAndBands(Map<Factor, Integer> otherWeights, int healthy, int watch, int atRisk) {
        return new HealthPolicy(cadenceDays, faceTimeDays, executiveTouchDays, rePitchDays, needGraceDays,
                competitorWindowDays, momentumWindowDays, unansweredAttempts, neglectMultiplier, healthy, watch, atRisk,
                otherWeights, signals);
    }

    /** The same expectations with other settings for the risk signals. */
    public HealthPolicy withSignals(SignalPolicy settings) {
        return new HealthPolicy(cadenceDays, faceTimeDays, executiveTouchDays, rePitchDays, needGraceDays,
                competitorWindowDays, momentumWindowDays, unansweredAttempts, neglectMultiplier, healthyFrom, watchFrom,
                atRiskFrom, weights, settings);
    }

    public int cadenceFor(Tier tier, Integer accountOverride) {
        return accountOverride != null ? accountOverride : cadenceDays.get(tier);
    }

    private static <K extends Enum<K>> Map<K, Integer> copy(Map<K, Integer> values, Class<K> type) {
        Map<K, Integer> copy = new EnumMap<>(type);
        Objects.requireNonNullElse(values, Map.<K, Integer>of()).forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return Map.copyOf(copy);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("rapport.health: " + message);
        }
    }
}
