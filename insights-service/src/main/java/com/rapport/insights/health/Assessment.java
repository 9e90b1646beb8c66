package com.rapport.insights.health;

import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * An account's health at one moment, with every factor that made it.
 *
 * @param lost             a lost account is assessed as it stood, but leaves the portfolio figures
 * @param daysSinceContact days since the last connected contact, or since the opening if there was none
 * @param signals          the risk signals raised, each reason enough to call whatever the score
 */
public record Assessment(UUID accountId, String name, String ownerId, Tier tier, BigDecimal annualValue,
                         String currency, boolean lost, Instant asOf, int score, HealthBand band, boolean neglected,
                         long daysSinceContact, int cadenceDays, List<FactorScore> factors,
                         List<RaisedSignal> signals) {

    /** How {@link #flags()} names neglect. */
    public static final String NEGLECTED = "NEGLECTED";

    public Assessment {
        factors = List.copyOf(factors);
        signals = List.copyOf(signals);
    }

    /**
     * Whether the account needs a call now: a band at risk or worse, neglect, or a risk signal raised.
     * What the loss analysis and the backtest count as a warning.
     */
    public boolean flagged() {
        return !flags().isEmpty();
    }

    /**
     * What flags the account, each as the API names it: its band when AT_RISK or CRITICAL, then NEGLECTED,
     * then each risk signal's key; empty when it is not flagged.
     */
    public List<String> flags() {
        List<String> flags = new ArrayList<>();
        if (band == HealthBand.AT_RISK || band == HealthBand.CRITICAL) {
            flags.add(band.name());
        }
        if (neglected) {
            flags.add(NEGLECTED);
        }
        signals.forEach(signal -> flags.add(signal.signal().key()));
        return flags;
    }

    /** The same assessment said of another moment: to compare two assessments on everything but when they were made. */
    public Assessment at(Instant moment) {
        return new Assessment(accountId, name, ownerId, tier, annualValue, currency, lost, moment, score, band, neglected,
                daysSinceContact, cadenceDays, factors, signals);
    }

    /** The reasons that cost the most, worst first: what a leader reads first. */
    public List<String> topReasons(int count) {
        return factors.stream()
                .filter(factor -> factor.weight() > 0 && factor.score() < 100)
                .sorted(Comparator.comparingInt((FactorScore factor) -> (100 - factor.score()) * factor.weight()).reversed())
                .limit(count)
                .map(FactorScore::reason)
                .toList();
    }
}
