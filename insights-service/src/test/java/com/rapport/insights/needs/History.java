package com.rapport.insights.needs;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;
import com.rapport.insights.ReadModels;
import com.rapport.insights.account.Tables;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One account's history as far as its needs go:
 * {@code History.opened("Acme Corp", day(0)).need("sso", "security", day(10)).addressed("sso", day(40))}.
 * A need is named in the test; its id follows from the account and the name.
 */
final class History {

    /** Day 0 of every history: a Monday morning. */
    static final Instant DAY_0 = Instant.parse("2025-01-06T09:00:00Z");

    private final UUID accountId;
    private final List<AccountEvent> recorded = new ArrayList<>();

    private History(UUID accountId) {
        this.accountId = accountId;
    }

    /** The moment {@code n} whole days after day 0, at 09:00. */
    static Instant day(long n) {
        return DAY_0.plus(Duration.ofDays(n));
    }

    /** Owned by alice; the account's id follows from its name, so that each name is another account. */
    static History opened(String name, Instant at) {
        UUID accountId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return new History(accountId).record(new AccountOpened(accountId, name, Tier.KEY, new BigDecimal("250000"),
                "EUR", "alice", "Europe/Amsterdam", null, at));
    }

    UUID accountId() {
        return accountId;
    }

    UUID needId(String need) {
        return UUID.nameUUIDFromBytes((accountId + "/" + need).getBytes(StandardCharsets.UTF_8));
    }

    History renamed(String name, Instant at) {
        return record(new AccountProfileChanged(accountId, name, null, null, null, null, at));
    }

    History ownedBy(String ownerId, Instant at) {
        return record(new AccountOwnerAssigned(accountId, ownerId, null, at));
    }

    History lost(Instant at) {
        return record(new AccountLost(accountId, LossReason.UNMET_NEED, null, null, at));
    }

    History wonBack(Instant at) {
        return record(new AccountWonBack(accountId, at));
    }

    History need(String need, String category, Instant at) {
        return record(new UnmetNeedRaised(needId(need), accountId, "The client needs " + need, category,
                "check-in call", "alice", at));
    }

    History addressed(String need, Instant at) {
        return record(new UnmetNeedAddressed(needId(need), accountId, "shipped it", at));
    }

    History declined(String need, Instant at) {
        return record(new UnmetNeedDeclined(needId(need), accountId, "not our business", at));
    }

    History lostTo(String competitor, String need, Instant at) {
        return record(new UnmetNeedLostToCompetitor(needId(need), accountId, competitor, at));
    }

    /** Applies a step written elsewhere, e.g. one row of a table. */
    History then(UnaryOperator<History> step) {
        return step.apply(this);
    }

    /** The events in the order they happened, as {@code AccountHistories} hands them over. */
    List<AccountEvent> events() {
        return recorded.stream().sorted(Comparator.comparing(AccountEvent::occurredAt)).toList();
    }

    /** The events in the order they were written down here. */
    List<AccountEvent> recorded() {
        return List.copyOf(recorded);
    }

    /** This account's needs as of {@code now}, in every status, as insights' read model holds them. */
    List<Need> needsAsOf(Instant now) {
        List<Need> needs = new ArrayList<>();
        for (NeedStatus status : NeedStatus.values()) {
            needs.addAll(report(List.of(this), status, 0, 500, now).items());
        }
        return needs;
    }

    /** The report the read model gives of these accounts' needs, each account recorded as insights records it. */
    static UnmetNeedsReport report(List<History> accounts, NeedStatus status, int page, int size, Instant now) {
        JdbcClient jdbc = ReadModels.empty();
        NeedRows needs = new NeedRows(jdbc);
        for (History account : accounts) {
            ReadModels.saveAccount(jdbc, account.events(), now);
            needs.apply(Tables.LIVE, account.events());
        }
        return needs.report(status, page, size, now);
    }

    private History record(AccountEvent event) {
        recorded.add(event);
        return this;
    }
}
