package com.rapport.insights.portfolio;

import com.rapport.events.AccountEvent;
import com.rapport.insights.account.AccountState;
import com.rapport.insights.account.Rebuild;
import com.rapport.insights.account.Tables;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.policy.Policies;
import com.rapport.insights.policy.PolicyHistory;
import com.rapport.insights.history.AccountHistories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The portfolio figures at the start of every day (00:00 UTC), kept as a read model so that the
 * figures of a past moment and a trend read rows instead of folding every history.
 * <p>
 * Each day's row is the sum of what every account added to the portfolio at that moment (its
 * {@link Contribution}). The last row is the day to come: it follows every change of an account as
 * it is assessed (after an event, or when its assessment changes with time), from the day the change
 * takes effect on; when that day comes, a row for the next is started from it. An event dated before
 * a day already begun changes what the account added to the days since: the account is noted, and
 * a scheduled round works those days out again for it, against its history before and after, once
 * its events have stopped arriving (an import brings many).
 */
@Component
public class PortfolioDays {

    private static final Logger log = LoggerFactory.getLogger(PortfolioDays.class);

    /** Accounts whose days are worked out again in one transaction. */
    static final int BACKFILL_PER_TRANSACTION = 500;
    /** How long an account's events must have stopped arriving before its days are worked out again. */
    static final Duration SETTLED = Duration.ofSeconds(2);

    private final JdbcClient jdbc;
    private final AccountHistories histories;
    private final Rebuild rebuild;
    private final Policies policies;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public PortfolioDays(JdbcClient jdbc, AccountHistories histories, Rebuild rebuild, Policies policies,
                         TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.histories = histories;
        this.rebuild = rebuild;
        this.policies = policies;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What accounts add to the portfolio from some day on, as one transaction finds it, to apply at once. */
    public static final class Changes {

        private record Set(LocalDate from, Contribution contribution) {
        }

        private final Map<UUID, List<Set>> byAccount = new LinkedHashMap<>();

        /**
         * @param from the moment it took effect: it counts in every day that starts at or after it
         */
        public void set(UUID accountId, Contribution contribution, Instant from) {
            byAccount.computeIfAbsent(accountId, account -> new ArrayList<>())
                    .add(new Set(dayStartingAtOrAfter(from), contribution));
        }

        public void addAll(Changes other) {
            other.byAccount.forEach((account, sets) -> byAccount.computeIfAbsent(account, a -> new ArrayList<>()).addAll(sets));
        }

        boolean isEmpty() {
            return byAccount.isEmpty();
        }
    }

    /** The first day whose start (00:00 UTC) is at or after the moment. */
    static LocalDate dayStartingAtOrAfter(Instant moment) {
        LocalDate day = LocalDate.ofInstant(moment, ZoneOffset.UTC);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(moment) ? day : day.plusDays(1);
    }

    /** The starts of days (00:00 UTC) after {@code after} and up to {@code until}, in order. */
    public static List<Instant> dayStartsBetween(Instant after, Instant until) {
        List<Instant> starts = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(after, ZoneOffset.UTC).plusDays(1); !startOf(day).isAfter(until);
             day = day.plusDays(1)) {
            starts.add(startOf(day));
        }
        return starts;
    }

    /** The last day whose start is at or before the moment. */
    static LocalDate dayStartingAtOrBefore(Instant moment) {
        return LocalDate.ofInstant(moment, ZoneOffset.UTC);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Makes each account add what the changes say to every kept day from the one each takes effect on,
     * the day to come included, as the difference from what the days held of it. A change that takes
     * effect before a day already begun is one of time passing (an assessment that changed on its own
     * and was re-assessed a little late): it counts in those days too.
     */
    public void apply(Tables tables, Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        LocalDate coming = startDaysUpTo(tables, dayStartingAtOrAfter(clock.instant()));
        Map<UUID, Pieces> recorded = lockPieces(tables, changes.byAccount.keySet());
        TreeMap<LocalDate, DayFigures> differences = new TreeMap<>();
        changes.byAccount.forEach((accountId, sets) -> {
            Pieces pieces = recorded.get(accountId);
            for (Changes.Set set : sets) {
                LocalDate from = set.from().isAfter(coming) ? coming : set.from();
                pieces.set(from, coming, set.contribution(), differences);
            }
            savePieces(tables, accountId, pieces);
        });
        addToDays(tables, differences, coming);
    }

    /** Adds each difference to the kept day it takes effect on and every later one up to {@code last}. */
    private void addToDays(Tables tables, TreeMap<LocalDate, DayFigures> differences, LocalDate last) {
        differences.tailMap(last, false).clear();
        if (differences.isEmpty()) {
            return;
        }
        Map<LocalDate, DayFigures> rows = lockDays(tables, differences.firstKey(), last);
        DayFigures running = new DayFigures();
        for (LocalDate day = differences.firstKey(); !day.isAfter(last); day = day.plusDays(1)) {
            DayFigures difference = differences.get(day);
            if (difference != null) {
                running.addAll(difference);
            }
            DayFigures row = rows.computeIfAbsent(day, d -> new DayFigures());
            row.addAll(running);
            save(tables, day, row);
        }
    }

    /**
     * Notes that the account's history gained events dated before a day already begun: the days from
     * the first of them on are worked out again for it.
     *
     * @param occurredAt the earliest of the events
     */
    public void backdated(Tables tables, UUID accountId, Instant occurredAt) {
        LocalDate from = dayStartingAtOrAfter(occurredAt);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE " + tables.portfolioDirty() + " SET touched_at = :now,"
                        + " from_day = CASE WHEN from_day > :from THEN :from ELSE from_day END WHERE account_id = :id")
                .param("id", accountId)
                .param("from", Date.valueOf(from))
                .param("now", now)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO " + tables.portfolioDirty() + " (account_id, from_day, touched_at) VALUES (:id, :from, :now)")
                    .param("id", accountId)
                    .param("from", Date.valueOf(from))
                    .param("now", now)
                    .update();
        }
    }

    /** Whether the event is dated before a day already begun, so that a kept day may no longer be right. */
    public boolean isBeforeABegunDay(Instant occurredAt) {
        return dayStartingAtOrAfter(occurredAt).isBefore(dayStartingAtOrAfter(clock.instant()));
    }

    /** When a day begins, its row is final and the next day's starts from it. */
    @Scheduled(fixedDelayString = "${rapport.insights.portfolio-days-every:PT30S}")
    public void startTheComingDay() {
        if (rebuild.inProgress()) {
            return;
        }
        transaction.executeWithoutResult(status -> startDaysUpTo(Tables.LIVE, dayStartingAtOrAfter(clock.instant())));
    }

    /** Works the kept days out again for the accounts noted, whose events have stopped arriving. */
    @Scheduled(fixedDelayString = "${rapport.insights.portfolio-days-every:PT30S}")
    public void workOutNotedAccounts() {
        for (Tables tables : Tables.values()) {
            int done;
            do {
                done = transaction.execute(status -> workOutNoted(tables));
            } while (done == BACKFILL_PER_TRANSACTION);
        }
    }

    private int workOutNoted(Tables tables) {
        Instant now = clock.instant();
        record Noted(UUID accountId, LocalDate from, OffsetDateTime touchedAt) {
        }
        List<Noted> noted = jdbc.sql("SELECT account_id, from_day, touched_at FROM " + tables.portfolioDirty()
                        + " WHERE touched_at <= :settled ORDER BY touched_at LIMIT :limit")
                .param("settled", Timestamp.from(now.minus(SETTLED)))
                .param("limit", BACKFILL_PER_TRANSACTION)
                .query((row, number) -> new Noted(row.getObject("account_id", UUID.class),
                        row.getObject("from_day", LocalDate.class), row.getObject("touched_at", OffsetDateTime.class)))
                .list();
        if (noted.isEmpty()) {
            return 0;
        }
        // the day to come follows every change as it is assessed; while the read model is rebuilt nothing
        // is assessed live, and the rebuild works it out too
        LocalDate coming = startDaysUpTo(tables, dayStartingAtOrAfter(now));
        LocalDate last = tables == Tables.NEXT ? coming : coming.minusDays(1);
        Map<UUID, Pieces> recorded = lockPieces(tables, noted.stream().map(Noted::accountId).toList());
        TreeMap<LocalDate, DayFigures> differences = new TreeMap<>();
        for (Noted account : noted) {
            if (!account.from().isAfter(last)) {
                Pieces pieces = recorded.get(account.accountId());
                pieces.setEach(account.from(), last, contributions(histories.of(account.accountId()), account.from(), last),
                        differences);
                savePieces(tables, account.accountId(), pieces);
            }
            // an account noted again meanwhile keeps its note, to be worked out once more
            jdbc.sql("DELETE FROM " + tables.portfolioDirty() + " WHERE account_id = :id AND touched_at = :touched")
                    .param("id", account.accountId())
                    .param("touched", account.touchedAt())
                    .update();
        }
        addToDays(tables, differences, last);
        log.debug("Worked out the portfolio days again for {} accounts", noted.size());
        return noted.size();
    }

    /**
     * What the account added to the portfolio at the start of each day from {@code from} to {@code to},
     * in order, its history folded forward day by day, each day under the health policy then in force; nothing
     * on the days before its opening.
     *
     * @param history the account's events in the order they happened
     */
    private List<Contribution> contributions(List<AccountEvent> history, LocalDate from, LocalDate to) {
        List<Contribution> byDay = new ArrayList<>();
        PolicyHistory policy = policies.history();
        AccountState state = new AccountState();
        int folded = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Instant start = startOf(day);
            while (folded < history.size() && !history.get(folded).occurredAt().isAfter(start)) {
                state.apply(history.get(folded++), policy.inForceAt(start));
            }
            byDay.add(state.isOpen()
                    ? HealthModel.assess(state, start, policy.inForceAt(start)).map(Contribution::of).orElse(Contribution.NONE)
                    : Contribution.NONE);
        }
        return byDay;
    }

    /** The figures of the start of the last day begun at {@code asOf}: kept days are whole days. */
    public PortfolioFigures at(Instant asOf) {
        return at(List.of(asOf)).get(0);
    }

    /** The figures of each moment, each from its day's row, in the order given. */
    public List<PortfolioFigures> at(List<Instant> moments) {
        LocalDate first = moments.stream().map(PortfolioDays::dayStartingAtOrBefore).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = moments.stream().map(PortfolioDays::dayStartingAtOrBefore).max(LocalDate::compareTo).orElseThrow();
        Map<LocalDate, DayFigures> rows = new HashMap<>();
        jdbc.sql("SELECT on_day, figures FROM insights.portfolio_day WHERE on_day BETWEEN :first AND :last")
                .param("first", Date.valueOf(first))
                .param("last", Date.valueOf(last))
                .query(row -> {
                    rows.put(row.getObject("on_day", LocalDate.class), json.readValue(row.getString("figures"), DayFigures.class));
                });
        List<PortfolioFigures> figures = new ArrayList<>();
        for (Instant moment : moments) {
            LocalDate day = dayStartingAtOrBefore(moment);
            figures.add(rows.getOrDefault(day, new DayFigures()).at(startOf(day)));
        }
        return figures;
    }

    /**
     * Makes sure a row exists for every day up to {@code day}, each new one starting from the one before:
     * nothing changed between them that was not already added to the later days.
     *
     * @return {@code day}
     */
    private LocalDate startDaysUpTo(Tables tables, LocalDate day) {
        List<LocalDate> latest = jdbc.sql("SELECT MAX(on_day) FROM " + tables.portfolioDays())
                .query(LocalDate.class)
                .list();
        LocalDate newest = latest.isEmpty() ? null : latest.get(0);
        if (newest == null) {
            insertIfMissing(tables, day, new DayFigures());
            return day;
        }
        if (newest.isBefore(day)) {
            String figures = jdbc.sql("SELECT figures FROM " + tables.portfolioDays() + " WHERE on_day = :day")
                    .param("day", Date.valueOf(newest))
                    .query(String.class)
                    .single();
            for (LocalDate next = newest.plusDays(1); !next.isAfter(day); next = next.plusDays(1)) {
                insertIfMissing(tables, next, json.readValue(figures, DayFigures.class));
            }
        }
        return day;
    }

    private void insertIfMissing(Tables tables, LocalDate day, DayFigures figures) {
        jdbc.sql("INSERT INTO " + tables.portfolioDays() + " (on_day, figures) VALUES (:day, :figures) ON CONFLICT DO NOTHING")
                .param("day", Date.valueOf(day))
                .param("figures", json.writeValueAsString(figures))
                .update();
    }

    /** The kept days from {@code from} to {@code to}, locked until the transaction ends, in order. */
    private Map<LocalDate, DayFigures> lockDays(Tables tables, LocalDate from, LocalDate to) {
        Map<LocalDate, DayFigures> rows = new TreeMap<>();
        jdbc.sql("SELECT on_day, figures FROM " + tables.portfolioDays() + " WHERE on_day BETWEEN :from AND :to"
                        + " ORDER BY on_day FOR UPDATE")
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query(row -> {
                    rows.put(row.getObject("on_day", LocalDate.class), json.readValue(row.getString("figures"), DayFigures.class));
                });
        return rows;
    }

    /** What the accounts have added to the kept days, locked until the transaction ends, in the order of their ids. */
    private Map<UUID, Pieces> lockPieces(Tables tables, Collection<UUID> accounts) {
        Map<UUID, Pieces> pieces = new HashMap<>();
        jdbc.sql("SELECT account_id, pieces FROM " + tables.portfolioAccounts()
                        + " WHERE account_id IN (:ids) ORDER BY account_id FOR UPDATE")
                .param("ids", List.copyOf(accounts))
                .query(row -> {
                    pieces.put(row.getObject("account_id", UUID.class), json.readValue(row.getString("pieces"), Pieces.class));
                });
        accounts.forEach(account -> pieces.computeIfAbsent(account, id -> new Pieces()));
        return pieces;
    }

    private void savePieces(Tables tables, UUID accountId, Pieces pieces) {
        String text = json.writeValueAsString(pieces);
        int updated = jdbc.sql("UPDATE " + tables.portfolioAccounts() + " SET pieces = :pieces WHERE account_id = :id")
                .param("id", accountId)
                .param("pieces", text)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO " + tables.portfolioAccounts() + " (account_id, pieces) VALUES (:id, :pieces)")
                    .param("id", accountId)
                    .param("pieces", text)
                    .update();
        }
    }

    private void save(Tables tables, LocalDate day, DayFigures figures) {
        String text = json.writeValueAsString(figures);
        int updated = jdbc.sql("UPDATE " + tables.portfolioDays() + " SET figures = :figures WHERE on_day = :day")
                .param("day", Date.valueOf(day))
                .param("figures", text)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO " + tables.portfolioDays() + " (on_day, figures) VALUES (:day, :figures)")
                    .param("day", Date.valueOf(day))
                    .param("figures", text)
                    .update();
        }
    }
}
