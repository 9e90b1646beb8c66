package com.rapport.insights.losses;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.StaffRole;
import com.rapport.events.outreach.WinBackChance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One account's history, told the way a sales leader would tell it:
 * {@code History.opened(KEY, day(0)).connected(day(10)).lost(NEGLECT, day(100))}.
 * {@link #events()} hands the events over in the order they happened, as {@code AccountHistories}
 * does; {@link #recorded()} in the order they were written down here.
 */
public final class History {

    /** Day 0 of every history: a Monday morning. */
    public static final Instant DAY_0 = Instant.parse("2025-01-06T09:00:00Z");

    private final UUID accountId;
    private final List<AccountEvent> recorded = new ArrayList<>();
    private int ids;

    private History(UUID accountId) {
        this.accountId = accountId;
    }

    /** The moment {@code n} whole days after day 0, at 09:00. */
    public static Instant day(long n) {
        return DAY_0.plus(Duration.ofDays(n));
    }

    public static History opened(Tier tier, Instant at) {
        return opened("Acme Corp", tier, at);
    }

    /** The account's id follows from its name, so that each name is another account. */
    public static History opened(String name, Tier tier, Instant at) {
        UUID accountId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return new History(accountId).record(id -> new AccountOpened(accountId, name, tier, new BigDecimal("250000"),
                "EUR", "alice", "Europe/Amsterdam", null, at));
    }

    public UUID accountId() {
        return accountId;
    }

    public History ownedBy(String ownerId, Instant at) {
        return record(id -> new AccountOwnerAssigned(accountId, ownerId, null, at));
    }

    public History valued(String annualValue, Instant at) {
        return record(id -> new AccountProfileChanged(accountId, null, null, new BigDecimal(annualValue), null, null, at));
    }

    /** An account manager's call that reached the client. */
    public History connected(Instant at) {
        return record(id -> new ContactLogged(id, accountId, Channel.CALL, ContactOutcome.CONNECTED, Direction.OUTBOUND,
                "alice", StaffRole.ACCOUNT_MANAGER, Agenda.CHECK_IN, null, null, at));
    }

    /** A connected call every week, from day {@code first} up to day {@code last}. */
    public History calledWeekly(long first, long last) {
        for (long n = first; n <= last; n += 7) {
            connected(day(n));
        }
        return this;
    }

    /**
     * Everything the design asks of a relationship, from day {@code first} up to day {@code last}:
     * an executive meets the client every week, and re-pitches face to face every 90 days.
     */
    public History tended(long first, long last) {
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

    public History competitor(String competitor, Instant at) {
        return record(id -> new CompetitorSighted(id, accountId, competitor, null, "alice", at));
    }

    public History lost(Instant at) {
        return lost(LossReason.NEGLECT, null, at);
    }

    public History lost(LossReason reason, String competitor, Instant at) {
        return record(id -> new AccountLost(accountId, reason, competitor, null, at));
    }

    public History wonBack(Instant at) {
        return record(id -> new AccountWonBack(accountId, at));
    }

    public History interviewed(LossReason reason, String competitor, WinBackChance chance, Instant at) {
        return record(id -> new LostClientInterviewRecorded(id, accountId, reason, List.of(), competitor, null, chance,
                "alice", at));
    }

    /** A part of a history written elsewhere, e.g. in one row of a table: {@code history.then(row.step())}. */
    public interface Step extends UnaryOperator<History> {
        Step NONE = history -> history;
    }

    public History then(Step step) {
        return step.apply(this);
    }

    /** The events in the order they happened; events of the same moment in the order they were recorded. */
    public List<AccountEvent> events() {
        return recorded.stream().sorted(Comparator.comparing(AccountEvent::occurredAt)).toList();
    }

    /** The events in the order they were written down, which for an imported history need not be when they happened. */
    public List<AccountEvent> recorded() {
        return List.copyOf(recorded);
    }

    private History record(Function<UUID, AccountEvent> event) {
        recorded.add(event.apply(new UUID(accountId.getMostSignificantBits(), ++ids)));
        return this;
    }
}
