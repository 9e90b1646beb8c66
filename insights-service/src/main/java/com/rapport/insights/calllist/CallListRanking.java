package com.rapport.insights.calllist;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.insights.account.AccountState;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.Factor;
import com.rapport.insights.health.FactorScore;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.health.RaisedSignal;
import com.rapport.insights.health.RiskSignal;
import com.rapport.insights.health.Runway;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who an owner should call on a day, and why: a pure function of the account histories, the day,
 * the health policy and the {@link CallListRules}. An account due a call on one or more
 * {@link Occasion}s is listed once, for the weightiest, with the others noted in its reason.
 *
 * <p>The day is a calendar day, and each account's part of it is that day in the account's own time
 * zone (see {@link AccountDay}): a call due at 09:00 in Auckland on the 16th is due on the 16th even
 * though it is still the 15th in UTC, and a call due at 20:00 in Los Angeles on the 16th is due on the
 * 16th though UTC has moved on to the 17th. Every date the list judges is the account's: each account
 * the owner has at the end of its day (23:59:59 there) is assessed as it stood then; a planned call
 * is due if its time comes by that end; "in the last n days" (spoken with, checked in, lost)
 * counts calendar days there; and the dates in the reasons are written there. On a day a clock goes
 * forward or back the account's day is 23 or 25 hours long. A slipping account's reason quotes the
 * health model's own, which count whole days since a moment and write their dates in UTC.
 *
 * <p>Priority, higher first, rounded to one decimal:
 * <pre>
 *   priority = occasion weight
 *            × (1 + annual value / the owner's largest annual value)
 *            × (1 + (100 − score) / 100)
 * </pre>
 * The occasion sets the order of magnitude: slipping 100, lost without interview 80, voicemail
 * follow-up 60, weekly check-in 40, about to slip 30, re-pitch 20. Value and ill health can each
 * double it: the owner's most valuable account doubles it, and so does a score of 0. So on the same occasion the
 * more valuable and the sicker account comes first; a valuable, sick account can climb past a
 * neighbouring occasion; and a re-pitch (at most 80) never outranks a slipping account (at least
 * 100). The largest annual value is over every account the owner has on the day, lost ones
 * included, and values are compared as numbers, whatever their currency. Ties go to the larger
 * annual value, then to the name.
 */
public final class CallListRanking {

    static final String CHECK_IN = "Check in, no agenda: ask what we do right, what we do wrong, and how we can improve";
    static final String WEEKLY_CHECK_IN = "One top client a week: ask what we do right, what we do wrong, how we can improve";
    static final String EXIT_INTERVIEW = "Call the client we lost and learn why: what could we have done?";
    static final String RE_PITCH = "Re-pitch as if they were a new prospect";

    private static final Comparator<CallList.Item> HIGHEST_PRIORITY_FIRST = Comparator
            .comparingDouble(CallList.Item::priority).reversed()
            .thenComparing(CallList.Item::annualValue, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CallList.Item::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CallList.Item::accountId);

    private final HealthPolicy policy;
    private final CallListRules rules;

    public CallListRanking(HealthPolicy policy, CallListRules rules) {
        this.policy = Objects.requireNonNull(policy);
        this.rules = Objects.requireNonNull(rules);
    }

    /**
     * @param accounts the owner's accounts as last folded; each is assessed at the end of its day, as
     *                 folded when nothing of it happened after that, or else from its history up to then
     * @param history  an account's whole history, for an account whose day ended before its latest event
     * @param size     at most this many accounts
     */
    public CallList callList(String ownerId, LocalDate date, List<AccountState> accounts,
                             Function<UUID, List<? extends AccountEvent>> history, int size) {
        List<Account> owned = accounts.stream()
                .flatMap(state -> account(ownerId, state, history, AccountDay.of(state.zones(), date)).stream())
                .toList();
        Portfolio portfolio = Portfolio.of(owned, rules.topKeyAccounts());
        List<CallList.Item> items = owned.stream()
                .map(account -> item(account, portfolio))
                .flatMap(Optional::stream)
                .sorted(HIGHEST_PRIORITY_FIRST)
                .limit(size)
                .toList();
        return new CallList(ownerId, date, items);
    }

    /** The account as it stood at the end of its day, if the owner had it then. */
    private Optional<Account> account(String ownerId, AccountState state,
                                      Function<UUID, List<? extends AccountEvent>> history, AccountDay day) {
        AccountState then = state.foldedTo().isAfter(day.end())
                ? AccountState.fold(history.apply(state.accountId()), day.end(), policy)
                : state;
        return HealthModel.assess(then, day.end(), policy)
                .filter(assessment -> ownerId.equals(assessment.ownerId()))
                .map(assessment -> new Account(assessment, then, day,
                        HealthModel.runway(then, day.end(), policy).orElse(null)));
    }

    private Optional<CallList.Item> item(Account account, Portfolio portfolio) {
        List<Candidate> candidates = candidates(account, portfolio);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Candidate main = candidates.get(0);
        String reason = candidates.size() == 1 ? main.reason() : main.reason() + ". Also due: "
                + candidates.stream().skip(1).map(Candidate::note).collect(Collectors.joining(", "));
        Assessment health = account.health();
        double priority = main.occasion().weight() * portfolio.valueFactor(account.value())
                * (1 + (100 - health.score()) / 100.0);
        return Optional.of(new CallList.Item(health.accountId(), health.name(), health.tier(), health.annualValue(),
                health.currency(), account.day().zone().getId(), main.occasion(), reason, main.agenda(),
                Math.round(priority * 10) / 10.0, health.score(), health.band(), health.neglected(),
                health.signals().stream().map(signal -> signal.signal().key()).toList(), account.runwayDays()));
    }

    /** Every occasion the account is due a call on, the weightiest first. */
    private List<Candidate> candidates(Account account, Portfolio portfolio) {
        Assessment health = account.health();
        AccountState facts = account.facts();
        AccountDay day = account.day();
        if (health.lost()) {
            return lostWithoutInterview(facts, day).stream().toList();
        }
        if (facts.lastConnected() != null && day.daysSince(facts.lastConnected()) < rules.recentlyConnectedDays()) {
            return List.of();
        }
        return Stream.of(slipping(health, facts, day), voicemailFollowUp(facts, day),
                        weeklyCheckIn(account, portfolio), aboutToSlip(account, portfolio), rePitch(health))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Candidate::occasion))
                .toList();
    }

    /**
     * Flagged (neglected, AT_RISK or CRITICAL, or a risk signal raised): the top reasons and the signals, and a
     * check-in that brings up what the factors point at.
     */
    private Optional<Candidate> slipping(Assessment health, AccountState facts, AccountDay day) {
        if (!health.flagged()) {
            return Optional.empty();
        }
        boolean sinking = health.band() == HealthBand.AT_RISK || health.band() == HealthBand.CRITICAL;
        String reason;
        if (health.neglected() || sinking) {
            String band = health.band() == HealthBand.CRITICAL ? "critical" : "at risk";
            String state = health.neglected() ? (sinking ? "Neglected and " + band : "Neglected") : capitalised(band);
            // the factors' own reasons may hold semicolons: a full stop between them keeps them apart
            // the factors' reasons tell most of what the signals would: naming them is enough
            reason = state + " (score " + health.score() + "): " + String.join(". ", health.topReasons(3))
                    + (health.signals().isEmpty() ? "" : ". Risk signals: " + health.signals().stream()
                    .map(signal -> signal.signal().words()).collect(Collectors.joining(", ")));
        } else {
            reason = (health.signals().size() == 1 ? "Risk signal" : "Risk signals") + " (score " + health.score() + "): "
                    + health.signals().stream().map(RaisedSignal::reason).collect(Collectors.joining(". "));
        }

        List<String> agenda = new ArrayList<>(List.of(CHECK_IN));
        facts.unansweredComplaint().ifPresent(complaint ->
                agenda.add("Address the unanswered complaint: \u201c" + shortened(complaint.doingWrong()) + "\u201d"));
        if (worseThanExpected(health, Factor.UNMET_NEEDS)) {
            facts.openNeeds().stream().min(Comparator.comparing(AccountState.OpenNeed::raisedAt)).ifPresent(need ->
                    agenda.add("Talk through the open unmet need: \u201c" + shortened(need.description()) + "\u201d"));
        }
        if (worseThanExpected(health, Factor.COMPETITOR_PRESSURE)) {
            Instant windowOpens = day.end().minus(Duration.ofDays(policy.competitorWindowDays()));
            List<String> competitors = facts.sightings().stream()
                    .filter(sighting -> sighting.at().isAfter(windowOpens))
                    .map(AccountState.Sighting::competitor)
                    .distinct()
                    .toList();
            if (!competitors.isEmpty()) {
                agenda.add("Ask about the competitor" + (competitors.size() == 1 ? "" : "s") + " seen around them: "
                        + String.join(", ", competitors));
            }
        }
        return Optional.of(new Candidate(Occasion.SLIPPING, reason, String.join(". ", agenda)));
    }

    /** The last attempt went to voicemail or unanswered, and the call planned after it is due. */
    private static Optional<Candidate> voicemailFollowUp(AccountState facts, AccountDay day) {
        AccountState.LastContact last = facts.lastContact().orElse(null);
        if (last == null || last.outcome() == ContactOutcome.CONNECTED) {
            return Optional.empty();
        }
        String attempt = last.outcome() == ContactOutcome.VOICEMAIL ? "Voicemail" : "No answer";
        Optional<AccountState.PlannedCall> due = facts.plannedCalls().stream()
                .filter(call -> !call.dueAt().isAfter(day.end()))
                .min(Comparator.comparing(AccountState.PlannedCall::dueAt));
        return due.map(call -> new Candidate(Occasion.VOICEMAIL_FOLLOW_UP,
                attempt + " on " + day.dayOf(last.at()) + ": call again as planned (due "
                        + day.dayOf(call.dueAt()) + ")",
                call.purpose() == null || call.purpose().isBlank() ? CHECK_IN : "Call again as planned: " + call.purpose()));
    }

    /**
     * Every STRATEGIC account, and a KEY one among the owner's most valuable, hears from us every
     * week; one never spoken to counts from its opening, as contact recency does.
     */
    private Optional<Candidate> weeklyCheckIn(Account account, Portfolio portfolio) {
        if (!topClient(account, portfolio)) {
            return Optional.empty();
        }
        Instant lastConnected = account.facts().lastConnected();
        long days = daysSinceContact(account);
        if (days < rules.weeklyCheckInDays()) {
            return Optional.empty();
        }
        boolean strategic = account.health().tier() == Tier.STRATEGIC;
        String which = strategic ? "Strategic account" : "Key account, one of your " + rules.topKeyAccounts() + " most valuable";
        String since = lastConnected == null
                ? "no two-way contact since it was opened " + ago(days)
                : "last two-way contact " + ago(days);
        return Optional.of(new Candidate(Occasion.WEEKLY_CHECK_IN, which + ", " + since + ": due its weekly check-in",
                WEEKLY_CHECK_IN));
    }

    private boolean topClient(Account account, Portfolio portfolio) {
        Assessment health = account.health();
        return health.tier() == Tier.STRATEGIC
                || health.tier() == Tier.KEY && portfolio.mostValuable().contains(health.accountId());
    }

    /** Calendar days since the last connected contact, or since the opening, as contact recency counts. */
    private static long daysSinceContact(Account account) {
        Instant lastConnected = account.facts().lastConnected();
        return account.day().daysSince(lastConnected != null ? lastConnected : account.facts().openedAt());
    }

    /**
     * Not flagged yet, but will be within the list's week if nothing happens: a call before the warning. A top
     * client whose weekly check-in comes on a later day, still before the flag's, is left to the check-in (a
     * strategic account is neglected 11 days after a call, and checked in on after 7); one due it today is
     * listed for it, with this noted.
     */
    private Optional<Candidate> aboutToSlip(Account account, Portfolio portfolio) {
        Long days = account.runwayDays();
        if (account.health().flagged() || days == null || days > rules.runwayDays()) {
            return Optional.empty();
        }
        long untilCheckIn = rules.weeklyCheckInDays() - daysSinceContact(account);
        if (topClient(account, portfolio) && untilCheckIn > 0 && untilCheckIn < days) {
            return Optional.empty();
        }
        String flagged = "flagged " + (days == 1 ? "tomorrow" : "in " + days + " days") + " if nothing happens: "
                + flagInWords(account.runway().because());
        return Optional.of(new Candidate(Occasion.ABOUT_TO_SLIP, capitalised(flagged), CHECK_IN,
                Occasion.ABOUT_TO_SLIP.note() + " (" + flagged + ")"));
    }

    /** A flag as {@link Assessment#flags()} names it, in words: at risk, neglected, a need open too long. */
    private static String flagInWords(String flag) {
        return RiskSignal.ofKey(flag).map(RiskSignal::words)
                .orElseGet(() -> flag.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    private static Optional<Candidate> rePitch(Assessment health) {
        FactorScore rePitch = factor(health, Factor.RE_PITCH);
        return worseThanExpected(health, Factor.RE_PITCH)
                ? Optional.of(new Candidate(Occasion.RE_PITCH, rePitch.reason(), RE_PITCH))
                : Optional.empty();
    }

    /** Lost recently, and nobody has asked them why yet: the exit interview, while they still remember. */
    private Optional<Candidate> lostWithoutInterview(AccountState facts, AccountDay day) {
        AccountState.Loss loss = facts.loss().orElse(null);
        if (loss == null || facts.interviewedSinceLoss()) {
            return Optional.empty();
        }
        long days = day.daysSince(loss.at());
        if (days >= rules.interviewWithinDays()) {
            return Optional.empty();
        }
        String why = loss.reason() == null ? "" : " (" + loss.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (loss.competitor() == null || loss.competitor().isBlank() ? "" : ", to " + loss.competitor()) + ")";
        return Optional.of(new Candidate(Occasion.LOST_WITHOUT_INTERVIEW,
                "Lost on " + day.dayOf(loss.at()) + why + ", " + ago(days) + "; no exit interview yet",
                EXIT_INTERVIEW));
    }

    /** A factor that counts and scores below what is expected: the factors "say so". */
    private static boolean worseThanExpected(Assessment health, Factor factor) {
        FactorScore score = factor(health, factor);
        return score.weight() > 0 && score.score() < 100;
    }

    private static FactorScore factor(Assessment health, Factor factor) {
        return health.factors().stream()
                .filter(score -> score.factor() == factor)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the health model left out " + factor.key()));
    }

    private static String ago(long days) {
        return days == 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String shortened(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 59) + "\u2026";
    }

    /** @param runway when it will be flagged if nothing happens, from the end of its day; null when not within a year */
    private record Account(Assessment health, AccountState facts, AccountDay day, Runway runway) {

        BigDecimal value() {
            return health.annualValue() == null ? BigDecimal.ZERO : health.annualValue();
        }

        /** Calendar days from the list's date to the day of the flag: 0 when flagged already. */
        Long runwayDays() {
            return runway == null ? null : day.daysUntil(runway.flaggedAt());
        }
    }

    /** @param note how the occasion is mentioned when the account is listed for a weightier one */
    private record Candidate(Occasion occasion, String reason, String agenda, String note) {

        Candidate(Occasion occasion, String reason, String agenda) {
            this(occasion, reason, agenda, occasion.note());
        }
    }

    /** What the owner's accounts are worth, against which each one's value is weighed. */
    private record Portfolio(BigDecimal largestValue, Set<UUID> mostValuable) {

        static Portfolio of(List<Account> accounts, int top) {
            BigDecimal largest = accounts.stream().map(Account::value).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
            Set<UUID> mostValuable = accounts.stream()
                    .filter(account -> !account.health().lost())
                    .sorted(Comparator.comparing(Account::value).reversed()
                            .thenComparing(account -> account.health().accountId()))
                    .limit(top)
                    .map(account -> account.health().accountId())
                    .collect(Collectors.toUnmodifiableSet());
            return new Portfolio(largest, mostValuable);
        }

        /** 1 for an account worth nothing, 2 for the owner's most valuable. */
        double valueFactor(BigDecimal value) {
            return largestValue.signum() <= 0 ? 1 : 1 + value.doubleValue() / largestValue.doubleValue();
        }
    }
}
