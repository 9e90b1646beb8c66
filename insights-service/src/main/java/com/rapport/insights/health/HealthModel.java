package com.rapport.insights.health;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.insights.account.AccountState;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Relationship health as a pure function of an account's history and a moment:
 * {@code assess(history, asOf, policy)}. The score is the weighted average of the factors'
 * sub-scores, held below HEALTHY while any factor carrying a tenth of the weight or more is at 0. Only what happened up to {@code asOf} counts, so any
 * past moment can be asked about, and a history imported after the fact is judged as one
 * recorded live.
 */
public final class HealthModel {

    /** A factor carrying at least this share (in percent) of the weight keeps the account out of HEALTHY when at 0. */
    static final int WEIGHTY_PERCENT = 10;

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private HealthModel() {
    }

    /**
     * @param history the account's events, in any order: they are taken in the order they happened
     * @return empty if the account was not yet open at {@code asOf}
     */
    public static Optional<Assessment> assess(List<? extends AccountEvent> history, Instant asOf, HealthPolicy policy) {
        return assess(AccountState.fold(history, asOf, policy), asOf, policy);
    }

    /**
     * @param account the account's history folded up to {@code asOf} or before, with nothing after that
     *                fold and up to {@code asOf} left out
     * @return empty if the account was not yet open at {@code asOf}
     */
    public static Optional<Assessment> assess(AccountState account, Instant asOf, HealthPolicy policy) {
        if (!account.isOpen()) {
            return Optional.empty();
        }
        if (asOf.isBefore(account.foldedTo())) {
            throw new IllegalArgumentException("Account " + account.accountId() + " is folded to " + account.foldedTo()
                    + ", after " + asOf + ": assess its history as of then instead");
        }
        int cadence = policy.cadenceFor(account.tier(), account.cadenceOverride());
        long daysSinceContact = days(contactClock(account), asOf);
        List<FactorScore> factors = List.of(
                contactRecency(account, asOf, cadence, policy),
                expectation(Factor.FACE_TIME, account, account.lastFaceToFace(), policy.faceTimeDays(), asOf, policy,
                        "face to face", "Met face to face"),
                expectation(Factor.EXECUTIVE_TOUCH, account, account.lastExecutive(), policy.executiveTouchDays(), asOf, policy,
                        "executive contact", "An executive spoke with the client"),
                rePitch(account, asOf, policy),
                unmetNeeds(account, asOf, policy),
                voiceOfClient(account, policy),
                competitorPressure(account, asOf, policy),
                momentum(account, asOf, policy),
                unansweredAttempts(account, policy));
        int totalWeight = factors.stream().mapToInt(FactorScore::weight).sum();
        int score = totalWeight == 0 ? 100
                : (int) Math.round(factors.stream().mapToDouble(factor -> factor.score() * factor.weight()).sum() / totalWeight);
        if (factors.stream().anyMatch(factor -> factor.weight() * 100 >= WEIGHTY_PERCENT * totalWeight && factor.score() == 0)) {
            // one thing gone badly wrong is enough to watch an account, however well the rest goes
            score = Math.min(score, policy.healthyFrom() - 1);
        }
        boolean neglected = !account.isLost() && daysSinceContact > policy.neglectMultiplier() * cadence;
        return Optional.of(new Assessment(account.accountId(), account.name(), account.ownerId(), account.tier(),
                account.annualValue(), account.currency(), account.isLost(), asOf, score, band(score, policy), neglected,
                daysSinceContact, cadence, factors, RiskSignals.raised(account, asOf, cadence, policy)));
    }

    /**
     * The first moment after {@code after} at which the account's assessment would differ from its
     * assessment at {@code after} if nothing happened meanwhile: when a count of days since something
     * steps on, a contact or sighting leaves its window, a need passes its grace. Risk signals are part
     * of the assessment and follow the same counts and windows. Every assessment is
     * made of such counts and windows, so it changes at one of those moments and only there: each is
     * tried in turn, earliest first.
     *
     * @param account folded up to {@code after} or before
     * @return empty when nothing would ever change (an account not open)
     */
    public static Optional<Instant> nextChange(AccountState account, Instant after, HealthPolicy policy) {
        Optional<Assessment> now = assess(account, after, policy);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        Assessment current = now.get();
        for (Instant moment : changeMoments(account, after, policy)) {
            if (!assess(account, moment, policy).orElseThrow().at(after).equals(current)) {
                return Optional.of(moment);
            }
        }
        throw new IllegalStateException("The assessment of account " + account.accountId() + " never changes after "
                + after + ": a day count is missing from the moments it may change at");
    }

    /**
     * Every moment after {@code after} at which some part of an assessment may change, earliest first,
     * up to the first whole-day step of the account's contact clock, which always changes it
     * ({@code daysSinceContact}).
     */
    private static List<Instant> changeMoments(AccountState account, Instant after, HealthPolicy policy) {
        Instant horizon = nextDayStep(contactClock(account), after);
        TreeSet<Instant> moments = windowMoments(account, policy);
        moments.add(horizon);
        for (Instant anchor : Arrays.asList(account.openedAt(), account.lastFaceToFace(),
                account.lastExecutive(), account.lastPitch())) {
            if (anchor != null) {
                moments.add(nextDayStep(anchor, after));
            }
        }
        account.openNeeds().forEach(need -> moments.add(nextDayStep(need.raisedAt(), after)));
        // the signals count days since a complaint and since a sighting
        account.unansweredComplaint().ifPresent(complaint -> moments.add(nextDayStep(complaint.at(), after)));
        account.sightings().forEach(sighting -> moments.add(nextDayStep(sighting.at(), after)));
        return List.copyOf(moments.subSet(after, false, horizon, true));
    }

    /**
     * The moments a contact or a sighting enters or leaves a window: momentum's, competitor pressure's, a
     * recent sighting's. Only at these may an assessment get better with nothing happening; every other
     * change is a count of days since something stepping on, which only ever makes it worse.
     */
    private static TreeSet<Instant> windowMoments(AccountState account, HealthPolicy policy) {
        TreeSet<Instant> moments = new TreeSet<>();
        Duration momentumWindow = Duration.ofDays(policy.momentumWindowDays());
        moments.add(account.openedAt().plus(momentumWindow));
        for (Instant contact : account.connected()) {
            moments.add(contact.plus(momentumWindow));
            moments.add(contact.plus(momentumWindow).plus(momentumWindow));
        }
        Duration competitorWindow = Duration.ofDays(policy.competitorWindowDays());
        Duration recentSighting = Duration.ofDays(policy.signals().competitorWithinDays());
        account.sightings().forEach(sighting -> {
            moments.add(sighting.at().plus(competitorWindow));
            moments.add(sighting.at().plus(recentSighting));
        });
        return moments;
    }

    /** Days since contact count from the last connected contact, or from the opening when there was none. */
    private static Instant contactClock(AccountState account) {
        return account.lastConnected() != null ? account.lastConnected() : account.openedAt();
    }

    /**
     * The account's runway: the first moment at or after {@code after} at which it would be flagged if nothing
     * happened meanwhile ({@code after} itself when it is flagged already), looked for within
     * {@link Runway#HORIZON}. It is one of the moments {@link #nextChange} walks, found without assessing each:
     * between two moments at which a contact or a sighting enters or leaves a window, only counts of days step
     * on, and they only make an assessment worse, so once flagged an account stays flagged until the next such
     * moment. Each stretch
     * between them is judged by its last moment; in the first flagged stretch the contact clock's day steps are
     * halved down to one day, whose change moments are then tried in turn. So the cost is about one assessment
     * per window moment ahead, plus a dozen, however far off the flag is.
     *
     * @param account folded up to {@code after} or before
     * @return empty for an account not open or lost, and for one not flagged within the horizon
     */
    public static Optional<Runway> runway(AccountState account, Instant after, HealthPolicy policy) {
        if (!account.isOpen() || account.isLost()) {
            return Optional.empty();
        }
        Instant horizon = after.plus(Runway.HORIZON);
        List<Instant> stretchEnds = new ArrayList<>(windowMoments(account, policy).subSet(after, false, horizon, false));
        stretchEnds.add(horizon);
        Instant start = after;
        for (Instant end : stretchEnds) {
            Optional<Runway> runway = firstFlag(account, start, end, policy);
            if (runway.isPresent()) {
                return runway;
            }
            start = end;
        }
        return Optional.empty();
    }

    /** The first flag from {@code start} on and before {@code end}, between which no window moment lies. */
    private static Optional<Runway> firstFlag(AccountState account, Instant start, Instant end, HealthPolicy policy) {
        if (!flaggedAt(account, end.minusNanos(1), policy)) {
            return Optional.empty();
        }
        Assessment atStart = assess(account, start, policy).orElseThrow();
        if (atStart.flagged()) {
            return Optional.of(Runway.of(atStart));
        }
        Instant firstStep = nextDayStep(contactClock(account), start);
        long steps = firstStep.isBefore(end) ? Duration.between(firstStep, end.minusNanos(1)).toDays() + 1 : 0;
        // the first of the contact clock's steps at which the account is flagged; steps if none is, before the end
        long low = 0;
        long high = steps;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (flaggedAt(account, firstStep.plus(Duration.ofDays(middle)), policy)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        Instant notYet = low == 0 ? start : firstStep.plus(Duration.ofDays(low - 1));
        for (Instant moment : changeMoments(account, notYet, policy)) {
            Assessment assessment = assess(account, moment, policy).orElseThrow();
            if (assessment.flagged()) {
                return Optional.of(Runway.of(assessment));
            }
        }
        throw new IllegalStateException("Account " + account.accountId() + " is flagged before " + end
                + " but at none of the moments its assessment changes at after " + notYet);
    }

    private static boolean flaggedAt(AccountState account, Instant moment, HealthPolicy policy) {
        return assess(account, moment, policy).orElseThrow().flagged();
    }

    /** The first moment after {@code after} at which the whole days since {@code anchor} step on. */
    private static Instant nextDayStep(Instant anchor, Instant after) {
        if (after.isBefore(anchor)) {
            return anchor.plus(Duration.ofDays(1));
        }
        return anchor.plus(Duration.ofDays(Duration.between(anchor, after).toDays() + 1));
    }

    public static HealthBand band(int score, HealthPolicy policy) {
        if (score >= policy.healthyFrom()) {
            return HealthBand.HEALTHY;
        }
        if (score >= policy.watchFrom()) {
            return HealthBand.WATCH;
        }
        return score >= policy.atRiskFrom() ? HealthBand.AT_RISK : HealthBand.CRITICAL;
    }

    private static FactorScore contactRecency(AccountState account, Instant asOf, int cadence, HealthPolicy policy) {
        int weight = weight(Factor.CONTACT_RECENCY, policy);
        if (account.lastConnected() == null) {
            long days = days(account.openedAt(), asOf);
            return new FactorScore(Factor.CONTACT_RECENCY, overdue(days, cadence), weight,
                    "No two-way contact since the account was opened " + days + " days ago; cadence is " + cadence);
        }
        long days = days(account.lastConnected(), asOf);
        String reason = days > cadence
                ? "No two-way contact in " + days + " days; cadence is " + cadence
                : "Last two-way contact " + ago(days) + "; cadence is " + cadence;
        return new FactorScore(Factor.CONTACT_RECENCY, overdue(days, cadence), weight, reason);
    }

    /** Face time and executive touch: expected of some tiers only, every so many days. */
    private static FactorScore expectation(Factor factor, AccountState account, Instant last, Map<Tier, Integer> byTier,
                                           Instant asOf, HealthPolicy policy, String what, String done) {
        Integer every = byTier.get(account.tier());
        if (every == null) {
            return new FactorScore(factor, 100, 0, "No " + what + " expected of " + tierName(account.tier()) + " accounts");
        }
        int weight = weight(factor, policy);
        if (last == null) {
            long days = days(account.openedAt(), asOf);
            return new FactorScore(factor, overdue(days, every), weight,
                    "No " + what + " in the " + days + " days since opening; expected every " + every + " days");
        }
        long days = days(last, asOf);
        String reason = days > every
                ? "No " + what + " in " + days + " days; expected every " + every
                : done + " " + ago(days) + "; expected every " + every + " days";
        return new FactorScore(factor, overdue(days, every), weight, reason);
    }

    private static FactorScore rePitch(AccountState account, Instant asOf, HealthPolicy policy) {
        int every = policy.rePitchDays();
        int weight = weight(Factor.RE_PITCH, policy);
        if (account.lastPitch() == null) {
            long days = days(account.openedAt(), asOf);
            return new FactorScore(Factor.RE_PITCH, overdue(days, every), weight,
                    "Not pitched in the " + days + " days since opening; re-pitch every " + every + " days");
        }
        long days = days(account.lastPitch(), asOf);
        String reason = days > every
                ? "Not pitched in " + days + " days; re-pitch every " + every
                : "Pitched " + ago(days) + "; re-pitch every " + every + " days";
        return new FactorScore(Factor.RE_PITCH, overdue(days, every), weight, reason);
    }

    /** Each need open past the grace period costs 30 points, and 10 more for every further grace period. */
    private static FactorScore unmetNeeds(AccountState account, Instant asOf, HealthPolicy policy) {
        int grace = policy.needGraceDays();
        int weight = weight(Factor.UNMET_NEEDS, policy);
        if (account.openNeeds().isEmpty()) {
            return new FactorScore(Factor.UNMET_NEEDS, 100, weight, "No unmet needs open");
        }
        List<AccountState.OpenNeed> overdue = account.openNeeds().stream()
                .filter(need -> days(need.raisedAt(), asOf) > grace)
                .toList();
        if (overdue.isEmpty()) {
            return new FactorScore(Factor.UNMET_NEEDS, 100, weight,
                    count(account.openNeeds().size(), "unmet need") + " open, none for more than " + grace + " days");
        }
        int cost = overdue.stream().mapToInt(need -> 30 + 10 * (int) ((days(need.raisedAt(), asOf) - grace - 1) / Math.max(grace, 1)))
                .sum();
        AccountState.OpenNeed oldest = overdue.stream().min((a, b) -> a.raisedAt().compareTo(b.raisedAt())).orElseThrow();
        return new FactorScore(Factor.UNMET_NEEDS, Math.max(0, 100 - cost), weight,
                count(overdue.size(), "unmet need") + " open for more than " + grace + " days; the oldest, for "
                        + days(oldest.raisedAt(), asOf) + " days: " + shortened(oldest.description()));
    }

    /** The latest NPS (promoter 100, passive 70, detractor 0-30) less 30 for a complaint nobody has talked through since. */
    private static FactorScore voiceOfClient(AccountState account, HealthPolicy policy) {
        int weight = weight(Factor.VOICE_OF_CLIENT, policy);
        List<String> reasons = new ArrayList<>();
        int score;
        if (account.latestNps() == null) {
            score = 80;
            reasons.add("No NPS on record");
        } else {
            int nps = account.latestNps();
            String kind = nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor";
            score = nps >= 9 ? 100 : nps >= 7 ? 70 : 5 * nps;
            reasons.add("Latest NPS " + nps + " (" + kind + ") on " + DAY.format(account.latestNpsAt()));
        }
        AccountState.Complaint complaint = account.unansweredComplaint().orElse(null);
        if (complaint != null) {
            score = Math.max(0, score - 30);
            reasons.add("the complaint of " + DAY.format(complaint.at())
                    + " is unanswered: \u201c" + shortened(complaint.doingWrong()) + "\u201d");
        } else if (account.latestNps() != null) {
            reasons.add("no complaint unanswered");
        }
        return new FactorScore(Factor.VOICE_OF_CLIENT, score, weight, String.join("; ", reasons));
    }

    private static FactorScore competitorPressure(AccountState account, Instant asOf, HealthPolicy policy) {
        int window = policy.competitorWindowDays();
        int weight = weight(Factor.COMPETITOR_PRESSURE, policy);
        Instant since = asOf.minus(Duration.ofDays(window));
        Map<String, Long> seen = account.sightings().stream()
                .filter(sighting -> sighting.at().isAfter(since))
                .collect(Collectors.groupingBy(AccountState.Sighting::competitor, TreeMap::new, Collectors.counting()));
        long sightings = seen.values().stream().mapToLong(Long::longValue).sum();
        if (sightings == 0) {
            return new FactorScore(Factor.COMPETITOR_PRESSURE, 100, weight, "No competitor seen in the last " + window + " days");
        }
        int score = sightings == 1 ? 60 : sightings == 2 ? 30 : 0;
        String who = seen.entrySet().stream()
                .map(entry -> entry.getKey() + (entry.getValue() > 1 ? " (" + entry.getValue() + " times)" : ""))
                .collect(Collectors.joining(", "));
        return new FactorScore(Factor.COMPETITOR_PRESSURE, score, weight,
                "Competitors seen in the last " + window + " days: " + who);
    }

    /** Connected contacts in the last window against the window before: not falling is as expected. */
    private static FactorScore momentum(AccountState account, Instant asOf, HealthPolicy policy) {
        int window = policy.momentumWindowDays();
        int weight = weight(Factor.MOMENTUM, policy);
        Instant recentStart = asOf.minus(Duration.ofDays(window));
        Instant earlierStart = recentStart.minus(Duration.ofDays(window));
        if (account.openedAt().isAfter(recentStart)) {
            return new FactorScore(Factor.MOMENTUM, 100, weight, "Opened less than " + window + " days ago: too new to judge momentum");
        }
        long recent = account.connected().stream().filter(at -> at.isAfter(recentStart)).count();
        long earlier = account.connected().stream().filter(at -> at.isAfter(earlierStart) && !at.isAfter(recentStart)).count();
        String counts = count(recent, "two-way contact") + " in the last " + window + " days, " + earlier + " in the " + window + " before";
        if (recent == 0 && earlier == 0) {
            return new FactorScore(Factor.MOMENTUM, 50, weight, "Flat at nothing: " + counts);
        }
        if (recent >= earlier) {
            return new FactorScore(Factor.MOMENTUM, 100, weight, "Steady or rising: " + counts);
        }
        return new FactorScore(Factor.MOMENTUM, (int) (100 * recent / earlier), weight, "Falling: " + counts);
    }

    private static FactorScore unansweredAttempts(AccountState account, HealthPolicy policy) {
        int attempts = account.attemptsSinceConnected();
        int threshold = policy.unansweredAttempts();
        int weight = weight(Factor.UNANSWERED_ATTEMPTS, policy);
        if (attempts == 0) {
            return new FactorScore(Factor.UNANSWERED_ATTEMPTS, 100, weight, "No unanswered attempts since the last two-way contact");
        }
        int score = attempts < threshold ? 100 : Math.max(0, 40 - 20 * (attempts - threshold));
        return new FactorScore(Factor.UNANSWERED_ATTEMPTS, score, weight,
                count(attempts, "voicemail or unanswered attempt") + " since the last two-way contact"
                        + (attempts >= threshold ? ": reach them another way" : ""));
    }

    /** 100 up to the expectation, falling to 0 at twice the expectation. */
    static int overdue(long days, int expectedEvery) {
        if (days <= expectedEvery) {
            return 100;
        }
        return (int) Math.max(0, Math.round(100.0 * (2L * expectedEvery - days) / expectedEvery));
    }

    private static int weight(Factor factor, HealthPolicy policy) {
        return policy.weights().get(factor);
    }

    static long days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }

    static String ago(long days) {
        return days == 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
    }

    static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    static String tierName(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String shortened(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 59) + "\u2026";
    }
}
