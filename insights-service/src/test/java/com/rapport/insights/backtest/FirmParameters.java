package com.rapport.insights.backtest;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a generated firm looks like; {@link #defaults()} is the benchmark history, the withers change one thing.
 * docs/generated-history.md explains each parameter.
 *
 * @param accounts         how many accounts the firm has
 * @param years            how many years of history, up to {@code now}
 * @param shares           the share of the accounts each archetype gets, adding up to 1
 * @param driftMinDays     the shortest drift, from its start to the loss (or to the attention that wins it back)
 * @param driftMaxDays     the longest drift
 * @param symptomChances   the chance that a drifting account shows each symptom; every drift shows at least one
 * @param interviewChance  the chance that a lost client is called for an exit interview
 * @param seed             the same seed and {@code now} give the same history, ids included
 * @param now              every event lies before this moment (the day before it, in fact)
 */
public record FirmParameters(int accounts, int years, Map<Archetype, Double> shares, int driftMinDays, int driftMaxDays,
                             Map<Symptom, Double> symptomChances, double interviewChance, long seed, Instant now) {

    public FirmParameters {
        shares = Map.copyOf(new EnumMap<>(shares));
        symptomChances = Map.copyOf(new EnumMap<>(symptomChances));
        require(accounts > 0, "accounts must be positive");
        require(years > 0, "years must be positive");
        require(shares.values().stream().allMatch(share -> share >= 0), "shares must not be negative");
        require(Math.abs(shares.values().stream().mapToDouble(Double::doubleValue).sum() - 1) < 1e-9, "shares must add up to 1");
        require(30 <= driftMinDays && driftMinDays <= driftMaxDays, "drifts last at least 30 days, the shortest first");
        require(symptomChances.values().stream().allMatch(chance -> chance >= 0 && chance <= 1), "chances lie in 0..1");
        require(interviewChance >= 0 && interviewChance <= 1, "chances lie in 0..1");
        require(now != null, "now is needed");
    }

    /**
     * 120 accounts over two years up to now: two in five steady, a quarter drifting away and lost two to eight
     * months later, the rest won back, lost suddenly, seasonal or new.
     */
    public static FirmParameters defaults() {
        return new FirmParameters(120, 2,
                Map.of(Archetype.STEADY, 0.40, Archetype.DRIFT_LOST, 0.25, Archetype.DRIFT_WON_BACK, 0.08,
                        Archetype.SUDDEN_LOSS, 0.07, Archetype.SEASONAL_QUIET, 0.12, Archetype.ONBOARDING, 0.08),
                60, 240,
                Map.of(Symptom.FEWER_CONTACTS, 0.8, Symptom.UNANSWERED_ATTEMPTS, 0.5, Symptom.DETRACTOR_SCORES, 0.4,
                        Symptom.UNANSWERED_COMPLAINT, 0.35, Symptom.NEEDS_LEFT_OPEN, 0.35, Symptom.FACE_TIME_STOPPED, 0.5,
                        Symptom.EXECUTIVE_TOUCH_STOPPED, 0.5, Symptom.COMPETITOR_SEEN, 0.25),
                0.5, 1, Instant.now());
    }

    public FirmParameters withAccounts(int accounts) {
        return new FirmParameters(accounts, years, shares, driftMinDays, driftMaxDays, symptomChances, interviewChance, seed, now);
    }

    public FirmParameters withYears(int years) {
        return new FirmParameters(accounts, years, shares, driftMinDays, driftMaxDays, symptomChances, interviewChance, seed, now);
    }

    public FirmParameters withShares(Map<Archetype, Double> shares) {
        return new FirmParameters(accounts, years, shares, driftMinDays, driftMaxDays, symptomChances, interviewChance, seed, now);
    }

    public FirmParameters withSeed(long seed) {
        return new FirmParameters(accounts, years, shares, driftMinDays, driftMaxDays, symptomChances, interviewChance, seed, now);
    }

    public FirmParameters withNow(Instant now) {
        return new FirmParameters(accounts, years, shares, driftMinDays, driftMaxDays, symptomChances, interviewChance, seed, now);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("generated firm: " + message);
        }
    }
}
