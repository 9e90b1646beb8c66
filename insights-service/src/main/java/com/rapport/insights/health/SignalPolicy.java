package com.rapport.insights.health;

import com.rapport.events.account.Tier;

import java.util.EnumSet;
import java.util.Set;

/**
 * When each {@link RiskSignal} is raised: configuration ({@code rapport.health.signals.*}) with the
 * defaults of {@link #defaults()}.
 *
 * @param off                     signals never raised
 * @param detractorAtMost         the highest NPS whose complaint raises the signal: a detractor's, and by default a low passive's
 * @param competitorWithinDays    how recent a sighting raises a signal; at most the competitor window
 * @param needOpenDays            how long a need may stay open before it raises a signal
 * @param topTiers                the tiers whose accounts are watched for being overdue
 * @param overdueCadences         a top account is overdue past this many cadences without a connected contact
 * @param momentumCollapsePercent recent contacts at or below this share of the window before are a collapse
 * @param momentumCollapseFrom    the fewest contacts in the window before for a fall to count
 * @param unreachableAttempts     this many voicemails and no-answers in a row make a client unreachable
 */
public record SignalPolicy(
        Set<RiskSignal> off,
        int detractorAtMost,
        int competitorWithinDays,
        int needOpenDays,
        Set<Tier> topTiers,
        double overdueCadences,
        int momentumCollapsePercent,
        int momentumCollapseFrom,
        int unreachableAttempts) {

    public SignalPolicy {
        off = off == null || off.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(off));
        topTiers = topTiers == null || topTiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(topTiers));
        require(detractorAtMost >= 0 && detractorAtMost <= 10, "signals.detractorAtMost must be an NPS, 0 to 10");
        require(competitorWithinDays > 0, "signals.competitorWithinDays must be positive");
        require(needOpenDays >= 0, "signals.needOpenDays must not be negative");
        require(overdueCadences > 0, "signals.overdueCadences must be positive");
        require(momentumCollapsePercent >= 0 && momentumCollapsePercent < 100,
                "signals.momentumCollapsePercent must be 0 to 99");
        require(momentumCollapseFrom > 0, "signals.momentumCollapseFrom must be positive");
        require(unreachableAttempts > 0, "signals.unreachableAttempts must be positive");
    }

    public static SignalPolicy defaults() {
        // chosen on the benchmark history of six seeds (docs/benchmarks.md): a low passive's complaint and a
        // second voicemail in a row come early in a drift. STRATEGIC accounts are left out of the overdue
        // signal: at a cadence of 7 days neglect comes soon enough, and their weekly check-in is on the call list
        return new SignalPolicy(Set.of(), 7, 60, 35, Set.of(Tier.KEY), 1.0, 25, 4, 2);
    }

    /** The same settings with only these signals turned off. */
    public SignalPolicy withOff(Set<RiskSignal> signals) {
        return new SignalPolicy(signals, detractorAtMost, competitorWithinDays, needOpenDays, topTiers, overdueCadences,
                momentumCollapsePercent, momentumCollapseFrom, unreachableAttempts);
    }

    public boolean raises(RiskSignal signal) {
        return !off.contains(signal);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("rapport.health: " + message);
        }
    }
}
