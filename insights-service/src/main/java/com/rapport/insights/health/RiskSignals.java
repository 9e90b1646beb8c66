package com.rapport.insights.health;

import com.rapport.insights.account.AccountState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.rapport.insights.health.HealthModel.DAY;
import static com.rapport.insights.health.HealthModel.count;
import static com.rapport.insights.health.HealthModel.days;
import static com.rapport.insights.health.HealthModel.shortened;

/**
 * The risk signals an account raises at a moment, each on its own rule: an additive score only
 * falls far when several factors fall at once, while one of these is reason enough to call.
 */
final class RiskSignals {

    private RiskSignals() {
    }

    /** @return the signals raised, in the order of {@link RiskSignal}; none for a lost account */
    static List<RaisedSignal> raised(AccountState account, Instant asOf, int cadence, HealthPolicy policy) {
        if (account.isLost()) {
            return List.of();
        }
        SignalPolicy settings = policy.signals();
        List<Optional<RaisedSignal>> candidates = List.of(
                detractorComplaint(account, asOf, settings),
                competitorSighted(account, asOf, settings),
                needPastGrace(account, asOf, settings),
                topAccountOverdue(account, asOf, cadence, settings),
                momentumCollapse(account, asOf, policy),
                unreachable(account, settings));
        List<RaisedSignal> raised = new ArrayList<>();
        candidates.forEach(candidate -> candidate.filter(signal -> settings.raises(signal.signal())).ifPresent(raised::add));
        return List.copyOf(raised);
    }

    private static Optional<RaisedSignal> detractorComplaint(AccountState account, Instant asOf, SignalPolicy settings) {
        Integer nps = account.latestNps();
        Optional<AccountState.Complaint> complaint = account.unansweredComplaint();
        if (nps == null || nps > settings.detractorAtMost() || complaint.isEmpty()) {
            return Optional.empty();
        }
        long unanswered = days(complaint.get().at(), asOf);
        return Optional.of(new RaisedSignal(RiskSignal.DETRACTOR_COMPLAINT,
                "NPS " + nps + " on " + DAY.format(account.latestNpsAt()) + ", and the complaint of "
                        + DAY.format(complaint.get().at()) + " unanswered for " + count(unanswered, "day") + ": \u201c"
                        + shortened(complaint.get().doingWrong()) + "\u201d",
                Map.of("nps", (long) nps, "daysUnanswered", unanswered), null));
    }

    private static Optional<RaisedSignal> competitorSighted(AccountState account, Instant asOf, SignalPolicy settings) {
        Instant since = asOf.minus(Duration.ofDays(settings.competitorWithinDays()));
        List<AccountState.Sighting> recent = account.sightings().stream()
                .filter(sighting -> sighting.at().isAfter(since))
                .toList();
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        AccountState.Sighting latest = recent.get(recent.size() - 1);
        long ago = days(latest.at(), asOf);
        return Optional.of(new RaisedSignal(RiskSignal.COMPETITOR_SIGHTED,
                latest.competitor() + " seen " + HealthModel.ago(ago)
                        + (recent.size() > 1 ? ", " + count(recent.size(), "sighting") + " in the last "
                        + settings.competitorWithinDays() + " days" : ""),
                Map.of("sightings", (long) recent.size(), "daysSinceSighting", ago), latest.competitor()));
    }

    private static Optional<RaisedSignal> needPastGrace(AccountState account, Instant asOf, SignalPolicy settings) {
        return account.openNeeds().stream()
                .filter(need -> days(need.raisedAt(), asOf) > settings.needOpenDays())
                .min(Comparator.comparing(AccountState.OpenNeed::raisedAt))
                .map(oldest -> {
                    long open = days(oldest.raisedAt(), asOf);
                    return new RaisedSignal(RiskSignal.NEED_PAST_GRACE,
                            "A need open for " + open + " days, past " + settings.needOpenDays() + ": "
                                    + shortened(oldest.description()),
                            Map.of("daysOpen", open, "needOpenDays", (long) settings.needOpenDays()),
                            oldest.needId().toString());
                });
    }

    private static Optional<RaisedSignal> topAccountOverdue(AccountState account, Instant asOf, int cadence,
                                                            SignalPolicy settings) {
        if (!settings.topTiers().contains(account.tier())) {
            return Optional.empty();
        }
        Instant last = account.lastConnected() != null ? account.lastConnected() : account.openedAt();
        long since = days(last, asOf);
        if (since <= settings.overdueCadences() * cadence) {
            return Optional.empty();
        }
        return Optional.of(new RaisedSignal(RiskSignal.TOP_ACCOUNT_OVERDUE,
                "A " + HealthModel.tierName(account.tier()) + " account with no two-way contact in " + since
                        + " days; cadence is " + cadence,
                Map.of("daysSinceContact", since, "cadenceDays", (long) cadence), null));
    }

    private static Optional<RaisedSignal> momentumCollapse(AccountState account, Instant asOf, HealthPolicy policy) {
        SignalPolicy settings = policy.signals();
        int window = policy.momentumWindowDays();
        Instant recentStart = asOf.minus(Duration.ofDays(window));
        Instant earlierStart = recentStart.minus(Duration.ofDays(window));
        if (account.openedAt().isAfter(recentStart)) {
            return Optional.empty();
        }
        long recent = account.connected().stream().filter(at -> at.isAfter(recentStart)).count();
        long earlier = account.connected().stream().filter(at -> at.isAfter(earlierStart) && !at.isAfter(recentStart))
                .count();
        if (earlier < settings.momentumCollapseFrom() || recent * 100 > earlier * settings.momentumCollapsePercent()) {
            return Optional.empty();
        }
        return Optional.of(new RaisedSignal(RiskSignal.MOMENTUM_COLLAPSE,
                "Two-way contact collapsed: " + recent + " in the last " + window + " days against " + earlier
                        + " in the " + window + " before",
                Map.of("recent", recent, "earlier", earlier, "windowDays", (long) window), null));
    }

    private static Optional<RaisedSignal> unreachable(AccountState account, SignalPolicy settings) {
        int attempts = account.attemptsSinceConnected();
        if (attempts < settings.unreachableAttempts()) {
            return Optional.empty();
        }
        return Optional.of(new RaisedSignal(RiskSignal.UNREACHABLE,
                count(attempts, "voicemail or unanswered attempt") + " in a row since the last two-way contact",
                Map.of("attempts", (long) attempts), null));
    }
}
