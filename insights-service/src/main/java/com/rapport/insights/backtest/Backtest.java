package com.rapport.insights.backtest;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.LossReason;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.losses.Flag;
import com.rapport.insights.losses.Loss;
import com.rapport.insights.losses.LossAnalysis;
import com.rapport.insights.losses.LossReport;
import com.rapport.insights.losses.Replay;
import com.rapport.insights.losses.Window;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The backtest: how early a health policy would have warned before each loss of the firm's own history,
 * and how often it would have warned of accounts that stayed. Pure: histories, a policy and a window in,
 * the report out.
 * <p>
 * Each account's history is replayed forward once ({@link Replay}), and only where an answer is needed:
 * <ul>
 * <li>an account lost in the window is judged as the loss analysis judges it, day by day up to the first
 *     flag of each cycle ({@link Replay#firstWarning}, the same rule); a loss whose reason no relationship
 *     history can show ({@link #OUTSIDE_BY_DEFAULT}) is counted apart, never in the recall;</li>
 * <li>an account never lost from the window's start on is assessed at 00:00 UTC on the first day of every
 *     month of the window while it is open and not lost: each flag there is a false alarm. An account lost
 *     after the window is left out of them, since its warnings in the window may have been right.</li>
 * </ul>
 */
public final class Backtest {

    /** A client's budget cut after a healthy year is a loss no relationship history can show. */
    public static final Set<LossReason> OUTSIDE_BY_DEFAULT = Set.of(LossReason.BUDGET_CUT);

    private final HealthPolicy policy;
    private final Set<LossReason> outside;
    private final LossAnalysis analysis;

    public Backtest(HealthPolicy policy) {
        this(policy, OUTSIDE_BY_DEFAULT);
    }

    /** @param outside the loss reasons counted apart, as losses no history could have foreseen */
    public Backtest(HealthPolicy policy, Set<LossReason> outside) {
        this.policy = policy;
        this.outside = Set.copyOf(outside);
        this.analysis = new LossAnalysis(policy);
    }

    /** @param histories every account's events; each is read once, so they may be loaded one at a time */
    public BacktestReport run(Stream<? extends List<? extends AccountEvent>> histories, Window window) {
        Tally tally = new Tally(outside);
        histories.forEach(history -> replay(history, window, tally));
        return tally.report(window, policy, LossReport.NEWEST_FIRST);
    }

    private void replay(List<? extends AccountEvent> history, Window window, Tally tally) {
        if (lostFrom(history, window.from())) {
            for (Loss loss : analysis.lossesIn(history, window)) {
                tally.loss(loss);
            }
        } else {
            sampleMonthly(Replay.of(history, policy), window, tally);
        }
    }

    private static boolean lostFrom(List<? extends AccountEvent> history, Instant from) {
        return history.stream().anyMatch(event -> event instanceof AccountLost && !event.occurredAt().isBefore(from));
    }

    /** At 00:00 UTC on the first day of each month of the window, from the account's first event on. */
    private static void sampleMonthly(Replay replay, Window window, Tally tally) {
        if (replay.events().isEmpty()) {
            return;
        }
        Instant start = latest(window.from(), replay.events().get(0).occurredAt());
        YearMonth month = YearMonth.from(start.atZone(ZoneOffset.UTC));
        if (startOf(month).isBefore(start)) {
            month = month.plusMonths(1);
        }
        for (; startOf(month).isBefore(window.to()); month = month.plusMonths(1)) {
            replay.assess(startOf(month)).filter(assessment -> !assessment.lost())
                    .ifPresent(assessment -> tally.sample(assessment.tier(), flagged(assessment)));
        }
    }

    private static boolean flagged(Assessment assessment) {
        return Flag.of(assessment).isPresent();
    }

    private static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant latest(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
