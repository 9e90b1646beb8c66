package com.rapport.insights.calllist;

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
import com.rapport.events.outreach.UnmetNeedRaised;
import com.rapport.events.outreach.WinBackChance;
import com.rapport.insights.account.AccountState;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One account's history, told the way its owner would:
 * {@code AccountHistory.of("Acme").tier(STRATEGIC).worth(500_000).opened(day(0)).connected(day(10))}.
 * By default a KEY account in Europe/Amsterdam worth 100 000 EUR, owned by alice. The account's id follows
 * from its name.
 */
final class AccountHistory {

    /** Day 0 of every history: a Monday morning. */
    static final Instant DAY_0 = Instant.parse("2025-01-06T09:00:00Z");

    private final String name;
    private final UUID accountId;
    private Tier tier = Tier.KEY;
    private BigDecimal annualValue = new BigDecimal("100000");
    private String ownerId = "alice";
    private String timezone = "Europe/Amsterdam";
    private Instant openedAt = DAY_0;
    private final List<AccountEvent> recorded = new ArrayList<>();
    private int ids;

    private AccountHistory(String name) {
        this.name = name;
        this.accountId = UUID.nameUUIDFromBytes(("account:" + name).getBytes(StandardCharsets.UTF_8));
    }

    /** The moment {@code n} whole days after day 0, at 9 in the morning. */
    static Instant day(long n) {
        return DAY_0.plus(Duration.ofDays(n));
    }

    /** The date of {@link #day(long)}. */
    static LocalDate date(long n) {
        return LocalDate.ofInstant(day(n), ZoneOffset.UTC);
    }

    /** The moment a clock in {@code zone} shows {@code localTime}, e.g. {@code at("2025-04-16T09:00", "Pacific/Auckland")}. */
    static Instant at(String localTime, String zone) {
        return LocalDateTime.parse(localTime).atZone(ZoneId.of(zone)).toInstant();
    }

    static AccountHistory of(String name) {
        return new AccountHistory(name);
    }

    /** Histories in the form {@code AccountHistories} hands them over. */
    /**
     * The list the ranking makes of these histories, as insights hands them over: each account folded to
     * its latest event, and its whole history at hand for a day that ended before that.
     */
    static CallList callList(CallListRanking ranking, String owner, LocalDate date, Stream<List<AccountEvent>> histories,
                             int size) {
        Map<UUID, List<AccountEvent>> byAccount = histories.collect(Collectors.toMap(
                history -> history.get(0).accountId(), history -> history, (a, b) -> a, LinkedHashMap::new));
        List<AccountState> states = byAccount.values().stream()
                .map(history -> AccountState.fold(history, Instant.MAX, HealthPolicy.defaults()))
                .toList();
        return ranking.callList(owner, date, states, byAccount::get, size);
    }

    static Stream<List<AccountEvent>> histories(AccountHistory... accounts) {
        return Stream.of(accounts).map(AccountHistory::events);
    }

    UUID id() {
        return accountId;
    }

    String name() {
        return name;
    }

    /** The time zone the account is opened in. */
    AccountHistory in(String timezone) {
        this.timezone = timezone;
        return this;
    }

    /** The zone the account was opened in. */
    ZoneId zone() {
        return ZoneId.of(timezone);
    }

    AccountHistory tier(Tier tier) {
        this.tier = tier;
        return this;
    }

    AccountHistory worth(long annualValue) {
        this.annualValue = BigDecimal.valueOf(annualValue);
        return this;
    }

    AccountHistory ownedBy(String ownerId) {
        this.ownerId = ownerId;
        return this;
    }

    AccountHistory opened(Instant at) {
        this.openedAt = at;
        return this;
    }

    AccountHistory connected(Instant at) {
        return contact(ContactOutcome.CONNECTED, at);
    }

    AccountHistory voicemail(Instant at) {
        return contact(ContactOutcome.VOICEMAIL, at);
    }

    AccountHistory noAnswer(Instant at) {
        return contact(ContactOutcome.NO_ANSWER, at);
    }

    AccountHistory contact(ContactOutcome outcome, Instant at) {
        return record(id -> new ContactLogged(id, accountId, Channel.CALL, outcome, Direction.OUTBOUND, ownerId,
                StaffRole.ACCOUNT_MANAGER, Agenda.CHECK_IN, null, null, at));
    }

    /** A call planned for {@code due}; {@code call} names it for what happens to it later. */
    AccountHistory callPlanned(String call, Instant due, Instant at) {
        return record(id -> new CallScheduled(callId(call), accountId, ownerId, due, "Go through the renewal", at));
    }

    AccountHistory callRescheduled(String call, Instant due, Instant at) {
        return record(id -> new CallRescheduled(callId(call), accountId, due, "voicemail", at));
    }

    AccountHistory callCompleted(String call, Instant at) {
        return record(id -> new CallCompleted(callId(call), accountId, id, at));
    }

    AccountHistory callMissed(String call, Instant at) {
        return record(id -> new CallMissed(callId(call), accountId, at));
    }

    AccountHistory pitched(Instant at) {
        return record(id -> new PitchMade(id, accountId, "managed backups", true, ownerId, at));
    }

    /** Feedback naming what we do wrong, with a detractor's NPS. */
    AccountHistory complaint(String doingWrong, Instant at) {
        return record(id -> new FeedbackReceived(id, accountId, FeedbackSource.SURVEY, null, doingWrong, null, 2, null, at));
    }

    AccountHistory need(String description, Instant at) {
        return record(id -> new UnmetNeedRaised(id, accountId, description, "reporting", "CALL", ownerId, at));
    }

    AccountHistory competitor(String competitor, Instant at) {
        return record(id -> new CompetitorSighted(id, accountId, competitor, null, ownerId, at));
    }

    AccountHistory reassigned(String newOwnerId, Instant at) {
        String previous = ownerId;
        return record(id -> new AccountOwnerAssigned(accountId, newOwnerId, previous, at));
    }

    AccountHistory movedTo(String timezone, Instant at) {
        return record(id -> new AccountProfileChanged(accountId, null, null, null, timezone, null, at));
    }

    AccountHistory lost(Instant at) {
        return record(id -> new AccountLost(accountId, LossReason.PRICE, "Globex", null, at));
    }

    AccountHistory interviewed(Instant at) {
        return record(id -> new LostClientInterviewRecorded(id, accountId, LossReason.PRICE, List.of(), "Globex",
                "a loyalty discount", WinBackChance.LOW, ownerId, at));
    }

    AccountHistory wonBack(Instant at) {
        return record(id -> new AccountWonBack(accountId, at));
    }

    /** Applies a step written elsewhere, e.g. one row of a table. */
    AccountHistory then(UnaryOperator<AccountHistory> step) {
        return step.apply(this);
    }

    /** The opening, then everything else in the order it happened, as {@code AccountHistories.of} hands it over. */
    List<AccountEvent> events() {
        AccountOpened opening = new AccountOpened(accountId, name, tier, annualValue, "EUR", ownerId, timezone, null,
                openedAt);
        return Stream.concat(Stream.of(opening), recorded.stream().sorted(Comparator.comparing(AccountEvent::occurredAt)))
                .toList();
    }

    private AccountHistory record(Function<UUID, AccountEvent> event) {
        recorded.add(event.apply(new UUID(accountId.getMostSignificantBits(), ++ids)));
        return this;
    }

    private UUID callId(String call) {
        return UUID.nameUUIDFromBytes((accountId + ":call:" + call).getBytes(StandardCharsets.UTF_8));
    }
}
