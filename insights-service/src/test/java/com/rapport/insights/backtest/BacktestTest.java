package com.rapport.insights.backtest;

import com.rapport.events.outreach.WinBackChance;
import com.rapport.insights.AccountHistory;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.losses.Flag;
import com.rapport.insights.losses.Loss;
import com.rapport.insights.losses.LossAnalysis;
import com.rapport.insights.losses.PlainPolicies;
import com.rapport.insights.losses.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static com.rapport.events.account.LossReason.BUDGET_CUT;
import static com.rapport.events.account.LossReason.NEGLECT;
import static com.rapport.events.account.LossReason.PRICE;
import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.losses.Flag.NEGLECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The backtest of a small firm whose figures are worked out by hand. Day 0 is Monday 6 Jan 2025, 09:00 UTC;
 * the window is Feb 2025 to Jan 2026, twelve months whose first days (00:00 UTC) are the samples of the
 * accounts that stayed. A key account is neglected past 45 days without a connected contact (1.5 × 30).
 */
class BacktestTest {

    /** The hand-worked figures count bands and neglect; {@link #aRiskSignalWarnsAsABandDoes} the signals. */
    private static final HealthPolicy DEFAULTS = PlainPolicies.bandAndNeglectOnly();
    private static final Window YEAR = new Window(Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));

    private static List<AccountHistory> firm() {
        return List.of(
                // last heard of on day 10, neglected from day 56, lost on day 96: 40 days of warning
                AccountHistory.opened("Acme", KEY, day(0)).connected(day(10)).lost(day(96)),
                // the same silence, lost on day 66: 10 days of warning
                AccountHistory.opened("Hooli", KEY, day(0)).connected(day(10)).lost(day(66)),
                // tended to the end and lost on price: a foreseeable loss Rapport missed
                AccountHistory.opened("Stark", CORE, day(0)).tended(0, 200).lost(PRICE, null, day(203)),
                // lost on price by the loss, but the exit interview says the budget was cut: counted apart, though flagged
                AccountHistory.opened("Globex", KEY, day(0)).connected(day(10)).lost(PRICE, null, day(150))
                        .interviewed(BUDGET_CUT, null, WinBackChance.NONE, day(160)),
                // stayed, but silent from day 98 to day 200: neglected on 1 Jun (day 146) and 1 Jul (day 176) only
                AccountHistory.opened("Initech", KEY, day(0)).tended(0, 98).tended(200, 400),
                // stayed, tended every week: never flagged
                AccountHistory.opened("Umbrella", STRATEGIC, day(0)).tended(0, 400),
                // lost before the window and never won back: neither a loss of the window nor a sample
                AccountHistory.opened("Wayne", KEY, day(0)).connected(day(10)).lost(day(20)));
    }

    private static BacktestReport backtestOf(List<AccountHistory> firm) {
        return new Backtest(DEFAULTS).run(firm.stream().map(AccountHistory::events), YEAR);
    }

    @Test
    void aRiskSignalWarnsAsABandDoes() {
        // a KEY account last spoken with on day 10 is overdue at one cadence (30 days) from day 41, before neglect
        List<AccountHistory> firm = List.of(AccountHistory.opened("Acme", KEY, day(0)).connected(day(10))
                .lost(day(96)));

        BacktestReport report = new Backtest(HealthPolicy.defaults()).run(firm.stream().map(AccountHistory::events),
                Window.ALL_TIME);

        assertThat(report.losses()).singleElement().satisfies(loss -> {
            assertThat(loss.flaggedAs()).isEqualTo(Flag.RISK_SIGNAL);
            assertThat(loss.firstFlaggedAt()).isEqualTo(day(41));
            assertThat(loss.leadTimeDays()).isEqualTo(55);
        });
    }

    @Test
    void reportsEveryLossOfTheWindowNewestFirstWithItsFirstFlag() {
        BacktestReport report = backtestOf(firm());

        assertThat(report.losses()).extracting(BacktestLoss::name, BacktestLoss::tier, BacktestLoss::lostAt,
                        BacktestLoss::primaryReason, BacktestLoss::firstFlaggedAt, BacktestLoss::flaggedAs,
                        BacktestLoss::leadTimeDays, BacktestLoss::foreseeable)
                .containsExactly(
                        tuple("Stark", CORE, day(203), PRICE, null, null, null, true),
                        tuple("Globex", KEY, day(150), BUDGET_CUT, day(56), NEGLECTED, 94L, false),
                        tuple("Acme", KEY, day(96), NEGLECT, day(56), NEGLECTED, 40L, true),
                        tuple("Hooli", KEY, day(66), NEGLECT, day(56), NEGLECTED, 10L, true));
    }

    @Test
    void recallCountsTheForeseeableLossesOnly() {
        BacktestReport report = backtestOf(firm());

        // Acme 40 and Hooli 10 of three: quartiles at positions 0.25, 0.5 and 0.75 between 10 and 40
        assertThat(report.foreseeable()).isEqualTo(recall(3, 2, "0.667", "17.5", "25", "32.5"));
        assertThat(report.byTier()).containsExactly(
                Map.entry(KEY, recall(2, 2, "1.000", "17.5", "25", "32.5")),
                Map.entry(CORE, recall(1, 0, "0.000", null, null, null)));
        assertThat(report.byReason()).containsExactly(
                Map.entry(NEGLECT, recall(2, 2, "1.000", "17.5", "25", "32.5")),
                Map.entry(PRICE, recall(1, 0, "0.000", null, null, null)));
    }

    @Test
    void lossesNoHistoryCouldShowAreCountedApart() {
        assertThat(backtestOf(firm()).outside()).isEqualTo(new BacktestReport.Outside(Set.of(BUDGET_CUT), 1, 1));
    }

    @Test
    void falseAlarmsAreTheFlaggedMonthlyAssessmentsOfAccountsThatStayed() {
        BacktestReport.FalseAlarms alarms = backtestOf(firm()).falseAlarms();

        assertThat(alarms).extracting(BacktestReport.FalseAlarms::assessments, BacktestReport.FalseAlarms::flagged)
                .containsExactly(24L, 2L);
        assertThat(alarms.share()).isEqualByComparingTo("0.083");
        assertThat(alarms.byTier()).containsExactly(
                Map.entry(STRATEGIC, new BacktestReport.Alarms(12, 0, bd("0.000"))),
                Map.entry(KEY, new BacktestReport.Alarms(12, 2, bd("0.167"))));
    }

    @Test
    void anAccountLostAfterTheWindowRaisesNoFalseAlarm() {
        // silent after day 10 and lost a year later: its warnings in the window were right, not false
        List<AccountHistory> firm = List.of(AccountHistory.opened("Acme", KEY, day(0)).connected(day(10))
                .lost(day(500)));

        BacktestReport report = backtestOf(firm);

        assertThat(report.losses()).isEmpty();
        assertThat(report.falseAlarms().assessments()).isZero();
        assertThat(report.falseAlarms().share()).isNull();
    }

    @Test
    void theOutsideReasonsAreTheCallersToChoose() {
        BacktestReport report = new Backtest(DEFAULTS, Set.of(PRICE, BUDGET_CUT))
                .run(firm().stream().map(AccountHistory::events), YEAR);

        assertThat(report.outside()).isEqualTo(new BacktestReport.Outside(Set.of(PRICE, BUDGET_CUT), 2, 1));
        assertThat(report.foreseeable()).isEqualTo(recall(2, 2, "1.000", "17.5", "25", "32.5"));
    }

    @Test
    void aLossIsFirstFlaggedWhenTheLossAnalysisSaysItWas() {
        List<Instant> analysed = firm().stream()
                .flatMap(history -> new LossAnalysis(DEFAULTS).lossesIn(history.events(), YEAR).stream())
                .sorted(Comparator.comparing(Loss::lostAt).reversed())
                .map(Loss::firstFlaggedAt)
                .toList();

        assertThat(backtestOf(firm()).losses()).extracting(BacktestLoss::firstFlaggedAt).containsExactlyElementsOf(analysed);
    }

    static Stream<Arguments> leadTimeQuartiles() {
        return Stream.of(
                // sorted lead times; lower quartile, median, upper quartile
                arguments(List.of(7L), "7", "7", "7"),
                arguments(List.of(10L, 40L), "17.5", "25", "32.5"),
                arguments(List.of(1L, 2L, 3L, 4L), "1.75", "2.5", "3.25"),
                arguments(List.of(1L, 2L, 3L, 4L, 5L), "2", "3", "4"),
                arguments(List.of(0L, 10L, 20L, 30L, 40L, 50L), "12.5", "25", "37.5"));
    }

    @ParameterizedTest(name = "{0}: {1}, {2}, {3}")
    @MethodSource
    void leadTimeQuartiles(List<Long> sorted, String lower, String median, String upper) {
        assertThat(List.of(Tally.quartile(sorted, 1), Tally.quartile(sorted, 2), Tally.quartile(sorted, 3)))
                .containsExactly(bd(lower), bd(median), bd(upper));
    }

    private static BacktestReport.Recall recall(long losses, long flagged, String share, String lower, String median,
                                                String upper) {
        return new BacktestReport.Recall(losses, flagged, bd(share),
                lower == null ? null : new BacktestReport.LeadTimes(bd(lower), bd(median), bd(upper)));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
