package com.rapport.insights;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.CallCompleted;
import com.rapport.events.outreach.CallMissed;
import com.rapport.events.outreach.CallRescheduled;
import com.rapport.events.outreach.CallScheduled;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.FeedbackSource;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.StaffRole;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;
import com.rapport.events.outreach.WinBackChance;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.Factor;
import com.rapport.insights.health.FactorScore;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One account's history, told the way a sales leader would tell it:
 * {@code AccountHistory.opened(KEY, day(0)).connected(day(10)).voicemail(day(40)).lost(day(100))}, or, for an
 * account described before it opens, {@code AccountHistory.of("Acme").tier(STRATEGIC).worth(500_000).opened(day(0))}.
 * Unless told otherwise an account is Acme Corp, a KEY account in Europe/Amsterdam worth 250 000 EUR, owned by
 * alice, opened on day 0. Its id follows from its name, so that each name is another account; a need and a
 * call are named in the test, and their ids follow from the account and the name.
 * {@link #events()} hands the events over in the order they happened, as {@code AccountHistories} does;
 * {@link #recorded()} in the order they were written down here.
 */
public final class AccountHistory {

    /** Day 0 of every history: a Monday morning. */
    public static final Instant DAY_0 = Instant.parse("2025-01-06T09:00:00Z");
    /** The account every history is about unless it names another. */
    public static final String ACME = "Acme Corp";
    /** The id of {@link #ACME}. */
    public static final UUID ACME_ID = accountId(ACME);

    private final String name;
    private final UUID accountId;
    private Tier tier = Tier.KEY;
    private BigDecimal annualValue = new BigDecimal("250000");
    private String ownerId = "alice";
    private String timezone = "Europe/Amsterdam";
    private Integer cadenceDays;
    private Instant openedAt = DAY_0;
    private final List<AccountEvent> recorded = new ArrayList<>();
    private int ids;

    private AccountHistory(String name) {
        this.name = name;
        this.accountId = accountId(name);
    }

    /** The moment {@code n} whole days after day 0, at 09:00. */
    public static Instant day(long n) {
        return DAY_0.plus(Duration.ofDays(n));
    }

    /** The date of {@link #day(long)}. */
    public static LocalDate date(long n) {
        return LocalDate.ofInstant(day(n), ZoneOffset.UTC);
    }

    /** The moment a clock in {@code zone} shows {@code localTime}, e.g. {@code at("2025-04-16T09:00", "Pacific/Auckland")}. */
    public static Instant at(String localTime, String zone) {
        return LocalDateTime.parse(localTime).atZone(ZoneId.of(zone)).toInstant();
    }

    /** An account to be described before it opens; it opens on day 0 unless {@link #opened(Instant)} says when. */
    public static AccountHistory of(String name) {
        return new AccountHistory(name);
    }

    public static AccountHistory opened(Tier tier, Instant at) {
        return opened(ACME, tier, at);
    }

    public static AccountHistory opened(String name, Tier tier, Instant at) {
        return of(name).tier(tier).opened(at);
    }

    /** An account that agreed its own contact cadence instead of its tier's. */
    public static AccountHistory opened(Tier tier, int cadenceDays, Instant at) {
        AccountHistory history = opened(tier, at);
        history.cadenceDays = cadenceDays;
        return history;
    }

    /** The histories of these accounts, each as {@code AccountHistories} hands it over. */
    public static Stream<List<AccountEvent>> histories(AccountHistory... accounts) {
        return Stream.of(accounts).map(AccountHistory::events);
    }

    private static UUID accountId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public AccountHistory tier(Tier tier) {
        this.tier = tier;
        return this;
    }

    public AccountHistory worth(long annualValue) {
        this.annualValue = BigDecimal.valueOf(annualValue);
        return this;
    }

    /** The time zone the account is opened in. */
    public AccountHistory in(String timezone) {
        this.timezone = timezone;
        return this;
    }

    /** The owner from the opening on; {@link #ownedBy(String, Instant)} assigns one later. */
    public AccountHistory ownedBy(String ownerId) {
        this.ownerId = ownerId;
        return this;
    }

    public AccountHistory opened(Instant at) {
        this.openedAt = at;
        return this;
    }

    /** The zone the account was opened in. */
    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public UUID accountId() {
        return accountId;
    }

    public AccountHistory renamed(String name, Instant at) {
        return record(id -> new AccountProfileChanged(accountId, name, null, null, null, null, at));
    }

    /** The owner assigned on {@code at}, the previous one not named. */
    public AccountHistory ownedBy(String ownerId, Instant at) {
        return record(id -> new AccountOwnerAssigned(accountId, ownerId, null, at));
    }

    /** The account handed from its owner to {@code newOwnerId}. */
    public AccountHistory reassigned(String newOwnerId, Instant at) {
        String previous = ownerId;
        return record(id -> new AccountOwnerAssigned(accountId, newOwnerId, previous, at));
    }

    public AccountHistory movedTo(String timezone, Instant at) {
        return record(id -> new AccountProfileChanged(accountId, null, null, null, timezone, null, at));
    }

    public AccountHistory valued(String annualValue, Instant at) {
        return record(id -> new AccountProfileChanged(accountId, null, null, new BigDecimal(annualValue), null, null, at));
    }

    public AccountHistory retiered(Tier tier, Instant at) {
        return record(id -> new AccountProfileChanged(accountId, null, tier, null, null, null, at));
    }

    public AccountHistory cadenceAgreed(int cadenceDays, Instant at) {
        return record(id -> new AccountProfileChanged(accountId, null, null, null, null, cadenceDays, at));
    }

    /** An outbound call by the account's owner. */
    public AccountHistory contact(ContactOutcome outcome, Instant at) {
        return contact(outcome, Channel.CALL, StaffRole.ACCOUNT_MANAGER, at);
    }

    public AccountHistory contact(ContactOutcome outcome, Channel channel, StaffRole role, Instant at) {
        return record(id -> new ContactLogged(id, accountId, channel, outcome, Direction.OUTBOUND, ownerId, role,
                Agenda.CHECK_IN, null, null, at));
    }

    /** An account manager's call that reached the client. */
    public AccountHistory connected(Instant at) {
        return contact(ContactOutcome.CONNECTED, at);
    }

    public AccountHistory voicemail(Instant at) {
        return contact(ContactOutcome.VOICEMAIL, at);
    }

    public AccountHistory noAnswer(Instant at) {
        return contact(ContactOutcome.NO_ANSWER, at);
    }

    /** A connected call every week, from day {@code first} up to day {@code last}. */
    public AccountHistory calledWeekly(long first, long last) {
        for (long n = first; n <= last; n += 7) {
            connected(day(n));
        }
        return this;
    }

    /**
     * Everything the design asks of a relationship, from day {@code first} up to day {@code last}:
     * an executive meets the client every week, and re-pitches face to face every 90 days.
     */
    public AccountHistory tended(long first, long last) {
        for (long n = first; n <= last; n += 7) {
            Instant at = day(n);
            record(id -> new ContactLogged(id, accountId, Channel.MEETING, ContactOutcome.CONNECTED, Direction.OUTBOUND,
                    "carol", StaffRole.EXECUTIVE, Agenda.REVIEW, null, null, at));
            if ((n - first) % 91 == 0) {
                record(id -> new PitchMade(id, accountId, "managed backups", true, "carol", at));
            }
        }
        return this;
    }

    public AccountHistory pitch(boolean faceToFace, Instant at) {
        return record(id -> new PitchMade(id, accountId, "managed backups", faceToFace, ownerId, at));
    }

    /** @param nps 0..10, or null when not asked; @param doingWrong the complaint, or null */
    public AccountHistory feedback(Integer nps, String doingWrong, Instant at) {
        return record(id -> new FeedbackReceived(id, accountId, FeedbackSource.SURVEY, null, doingWrong, null, nps,
                null, at));
    }

    /** Feedback naming what we do wrong, with a detractor's NPS. */
    public AccountHistory complaint(String doingWrong, Instant at) {
        return feedback(2, doingWrong, at);
    }

    /** A call planned for {@code due}; {@code call} names it for what happens to it later. */
    public AccountHistory callPlanned(String call, Instant due, Instant at) {
        return record(id -> new CallScheduled(callId(call), accountId, ownerId, due, "Go through the renewal", at));
    }

    public AccountHistory callRescheduled(String call, Instant due, Instant at) {
        return record(id -> new CallRescheduled(callId(call), accountId, due, "voicemail", at));
    }

    public AccountHistory callCompleted(String call, Instant at) {
        return record(id -> new CallCompleted(callId(call), accountId, id, at));
    }

    public AccountHistory callMissed(String call, Instant at) {
        return record(id -> new CallMissed(callId(call), accountId, at));
    }

    private UUID callId(String call) {
        return UUID.nameUUIDFromBytes((accountId + ":call:" + call).getBytes(StandardCharsets.UTF_8));
    }

    public AccountHistory need(String need, Instant at) {
        return need(need, "Reporting in their own currency", at);
    }

    public AccountHistory need(String need, String description, Instant at) {
        return record(id -> new UnmetNeedRaised(needId(need), accountId, description, "reporting", "check-in call",
                ownerId, at));
    }

    /** A need raised in {@code category}, described as "The client needs" and its name. */
    public AccountHistory needIn(String need, String category, Instant at) {
        return record(id -> new UnmetNeedRaised(needId(need), accountId, "The client needs " + need, category,
                "check-in call", ownerId, at));
    }

    public AccountHistory needAddressed(String need, Instant at) {
        return record(id -> new UnmetNeedAddressed(needId(need), accountId, "shipped it", at));
    }

    public AccountHistory needDeclined(String need, Instant at) {
        return record(id -> new UnmetNeedDeclined(needId(need), accountId, "not our business", at));
    }

    public AccountHistory needLostTo(String need, String competitor, Instant at) {
        return record(id -> new UnmetNeedLostToCompetitor(needId(need), accountId, competitor, at));
    }

    public UUID needId(String need) {
        return UUID.nameUUIDFromBytes((accountId + "/" + need).getBytes(StandardCharsets.UTF_8));
    }

    public AccountHistory competitor(String competitor, Instant at) {
        return record(id -> new CompetitorSighted(id, accountId, competitor, null, ownerId, at));
    }

    public AccountHistory lost(Instant at) {
        return lost(LossReason.NEGLECT, null, at);
    }

    public AccountHistory lost(LossReason reason, String competitor, Instant at) {
        return record(id -> new AccountLost(accountId, reason, competitor, null, at));
    }

    public AccountHistory wonBack(Instant at) {
        return record(id -> new AccountWonBack(accountId, at));
    }

    public AccountHistory interviewed(LossReason reason, String competitor, WinBackChance chance, Instant at) {
        return record(id -> new LostClientInterviewRecorded(id, accountId, reason, List.of(), competitor, null, chance,
                ownerId, at));
    }

    /** A part of a history written elsewhere, e.g. in one row of a table: {@code history.then(row.step())}. */
    public interface Step extends UnaryOperator<AccountHistory> {
        Step NONE = history -> history;
    }

    public AccountHistory then(UnaryOperator<AccountHistory> step) {
        return step.apply(this);
    }

    /** The opening, then everything else in the order it happened; events of the same moment in the order recorded. */
    public List<AccountEvent> events() {
        Stream<AccountEvent> happened = recorded.stream().sorted(Comparator.comparing(AccountEvent::occurredAt));
        return Stream.concat(Stream.of(opening()), happened).toList();
    }

    /**
     * The opening, then the events in the order they were written down, which for an imported history need not be
     * when they happened.
     */
    public List<AccountEvent> recorded() {
        return Stream.concat(Stream.of(opening()), recorded.stream()).toList();
    }

    private AccountOpened opening() {
        return new AccountOpened(accountId, name, tier, annualValue, "EUR", ownerId, timezone, cadenceDays, openedAt);
    }

    public Optional<Assessment> assessment(Instant asOf, HealthPolicy policy) {
        return HealthModel.assess(events(), asOf, policy);
    }

    /** The assessment under the default policy; the account must be open at {@code asOf}. */
    public Assessment assessedAt(Instant asOf) {
        return assessedAt(asOf, HealthPolicy.defaults());
    }

    public Assessment assessedAt(Instant asOf, HealthPolicy policy) {
        return assessment(asOf, policy).orElseThrow(() -> new AssertionError("the account is not open at " + asOf));
    }

    public FactorScore factorAt(Factor factor, Instant asOf) {
        return factor(assessedAt(asOf), factor);
    }

    public FactorScore factorAt(Factor factor, Instant asOf, HealthPolicy policy) {
        return factor(assessedAt(asOf, policy), factor);
    }

    public static FactorScore factor(Assessment assessment, Factor factor) {
        return assessment.factors().stream()
                .filter(score -> score.factor() == factor)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + factor + " in " + assessment));
    }

    private AccountHistory record(Function<UUID, AccountEvent> event) {
        recorded.add(event.apply(new UUID(accountId.getMostSignificantBits(), ++ids)));
        return this;
    }
}
