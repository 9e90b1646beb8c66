package com.rapport.insights.losses;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.WinBackChance;
import com.rapport.insights.AccountHistory;
import com.rapport.insights.health.Factor;
import com.rapport.insights.health.HealthPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static com.rapport.events.account.LossReason.BUDGET_CUT;
import static com.rapport.events.account.LossReason.COMPETITOR_OFFER;
import static com.rapport.events.account.LossReason.NEGLECT;
import static com.rapport.events.account.LossReason.PRICE;
import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.losses.Flag.AT_RISK;
import static com.rapport.insights.losses.Flag.CRITICAL;
import static com.rapport.insights.losses.Flag.NEGLECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The loss analysis replays the health model once a day, at the opening's time of day, up to
 * the loss, and reports the first day it would have flagged the account AT_RISK, CRITICAL or
 * NEGLECTED.
 */
class LossAnalysisTest {

    private static final HealthPolicy DEFAULTS = PlainPolicies.bandAndNeglectOnly();
    private static final Window ALL_TIME = new Window(day(-10_000), day(10_000));

    private static Loss theOnlyLoss(AccountHistory history, HealthPolicy policy) {
        List<Loss> losses = new LossAnalysis(policy).lossesIn(history.events(), ALL_TIME);
        assertThat(losses).hasSize(1);
        return losses.get(0);
    }

    private static Loss theOnlyLoss(AccountHistory history) {
        return theOnlyLoss(history, DEFAULTS);
    }

    @Nested
    class WhenRapportWouldHaveWarned {

        static Stream<Arguments> aQuietSpellIsNeglect() {
            return Stream.of(
                    // tier, day of the one connected contact, day lost, day first flagged (1.5 cadences later), lead time
                    arguments(STRATEGIC, 10, day(30), 21, 9),
                    arguments(KEY, 10, day(100), 56, 44),
                    arguments(CORE, 10, day(200), 146, 54),
                    arguments(KEY, 10, day(100).plus(Duration.ofHours(3)), 56, 44),
                    arguments(KEY, 10, day(100).minus(Duration.ofHours(1)), 56, 43),
                    arguments(KEY, 10, day(57), 56, 1),
                    arguments(KEY, 10, day(56).plus(Duration.ofMinutes(1)), 56, 0));
        }

        @ParameterizedTest(name = "{0}, contacted on day {1}, lost {2}: flagged on day {3}, {4} days before")
        @MethodSource
        void aQuietSpellIsNeglect(Tier tier, int contacted, Instant lostAt, int flaggedOn, long leadTime) {
            Loss loss = theOnlyLoss(AccountHistory.opened(tier, day(0)).connected(day(contacted)).lost(lostAt));

            assertThat(loss.firstFlaggedAt()).isEqualTo(day(flaggedOn));
            assertThat(loss.flaggedAs()).isEqualTo(NEGLECTED);
            assertThat(loss.leadTimeDays()).isEqualTo(leadTime);
        }

        @Test
        void lostTheDayItWouldHaveBeenFlaggedIsNotFlagged() {
            Loss loss = theOnlyLoss(AccountHistory.opened(KEY, day(0)).connected(day(10)).lost(day(56)));

            assertThat(loss.firstFlaggedAt()).isNull();
        }

        static Stream<Arguments> competitorsCircling() {
            return Stream.of(
                    // when competitors were seen (only competitor pressure counts), first flag, and on which day
                    arguments(List.of(day(20)), null, null),
                    arguments(List.of(day(20), day(30)), AT_RISK, 30),
                    arguments(List.of(day(20), day(30).plus(Duration.ofHours(1))), AT_RISK, 31),
                    arguments(List.of(day(30), day(30), day(30)), CRITICAL, 30),
                    arguments(List.of(day(20), day(30), day(40)), AT_RISK, 30),
                    arguments(List.of(day(10), day(120)), null, null));
        }

        @ParameterizedTest(name = "seen on {0}: {1} on day {2}")
        @MethodSource
        void competitorsCircling(List<Instant> sightings, Flag flag, Integer flaggedOn) {
            AccountHistory history = AccountHistory.opened(KEY, day(0)).calledWeekly(0, 196);
            sightings.forEach(at -> history.competitor("Globex", at));

            Loss loss = theOnlyLoss(history.lost(day(200)), PlainPolicies.onlyCounts(Factor.COMPETITOR_PRESSURE));

            assertThat(loss.flaggedAs()).isEqualTo(flag);
            assertThat(loss.firstFlaggedAt()).isEqualTo(flaggedOn == null ? null : day(flaggedOn));
        }

        @Test
        void aBadBandAndNeglectOnTheSameDayIsReportedAsTheBand() {
            // with only contact recency counting, 46 days without contact on a 30-day cadence scores 47 and is neglect
            Loss loss = theOnlyLoss(AccountHistory.opened(KEY, day(0)).connected(day(10)).lost(day(100)),
                    PlainPolicies.onlyCounts(Factor.CONTACT_RECENCY));

            assertThat(loss.firstFlaggedAt()).isEqualTo(day(56));
            assertThat(loss.flaggedAs()).isEqualTo(AT_RISK);
        }

        @ParameterizedTest
        @EnumSource(Tier.class)
        void aWellTendedAccountLostSuddenlyIsNotFlagged(Tier tier) {
            Loss loss = theOnlyLoss(AccountHistory.opened(tier, day(0)).tended(0, 1095).lost(PRICE, null, day(1096)));

            assertThat(loss.firstFlaggedAt()).isNull();
            assertThat(loss.flaggedAs()).isNull();
            assertThat(loss.leadTimeDays()).isNull();
        }
    }

    @Nested
    class AnAccountLostAgain {

        static Stream<Arguments> eachLossIsJudgedOnItsOwn() {
            return Stream.of(
                    // after the first loss on day 100: won back on day 200, tended to day 298, then...; first flags
                    arguments("neglected twice", AccountHistory.opened(KEY, day(0)).connected(day(10)), 56,
                            AccountHistory.Step.NONE, 344),
                    arguments("tended after the win-back", AccountHistory.opened(KEY, day(0)).connected(day(10)), 56,
                            (AccountHistory.Step) h -> h.tended(298, 400), null),
                    arguments("neglected after the win-back only", AccountHistory.opened(KEY, day(0))
                            .tended(0, 98), null,
                            AccountHistory.Step.NONE, 344));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource
        void eachLossIsJudgedOnItsOwn(String story, AccountHistory firstCycle, Integer firstFlag, AccountHistory.Step afterDay298,
                                      Integer secondFlag) {
            AccountHistory history = firstCycle.lost(day(100)).wonBack(day(200)).tended(200, 298).then(afterDay298)
                    .lost(COMPETITOR_OFFER, "Globex", day(400));

            List<Loss> losses = new LossAnalysis(DEFAULTS).lossesIn(history.events(), ALL_TIME);

            assertThat(losses).extracting(Loss::lostAt).containsExactly(day(100), day(400));
            assertThat(losses).extracting(Loss::firstFlaggedAt)
                    .containsExactly(firstFlag == null ? null : day(firstFlag), secondFlag == null ? null : day(secondFlag));
            assertThat(losses).extracting(Loss::wonBackAt).containsExactly(day(200), null);
        }

        @Test
        void aWarningWhileLostDoesNotCountForTheNextLoss() {
            // lost on day 100 after a quiet spell; the days until the win-back look as bad, but are not a warning
            // (with only contact recency counting, the days while lost are CRITICAL)
            AccountHistory history = AccountHistory.opened(KEY, day(0)).connected(day(10)).lost(day(100))
                    .wonBack(day(200))
                    .connected(day(200)).lost(day(220));

            List<Loss> losses = new LossAnalysis(PlainPolicies.onlyCounts(Factor.CONTACT_RECENCY))
                    .lossesIn(history.events(), ALL_TIME);

            assertThat(losses).extracting(Loss::firstFlaggedAt).containsExactly(day(56), null);
        }

        @Test
        void eachLossHasItsOwnExitInterview() {
            AccountHistory history = AccountHistory.opened(KEY, day(0)).lost(PRICE, null, day(100))
                    .interviewed(BUDGET_CUT, null, WinBackChance.HIGH, day(110))
                    .wonBack(day(200)).lost(PRICE, null, day(300));

            List<Loss> losses = new LossAnalysis(DEFAULTS).lossesIn(history.events(), ALL_TIME);

            assertThat(losses).extracting(Loss::interviewed, Loss::primaryReason)
                    .containsExactly(tuple(true, BUDGET_CUT),
                            tuple(false, PRICE));
        }
    }

    @Nested
    class WhyTheyLeft {

        static Stream<Arguments> theExitInterviewHasTheLastWord() {
            return Stream.of(
                    // what followed a loss for PRICE, naming the given competitor; reason, competitor, interviewed, when, chance
                    arguments("no interview", null, AccountHistory.Step.NONE, PRICE, null, false, null, null),
                    arguments("no interview", "Globex", AccountHistory.Step.NONE, PRICE, "Globex", false, null, null),
                    arguments("an interview", null,
                            (AccountHistory.Step) h -> h.interviewed(COMPETITOR_OFFER, "Initech", WinBackChance.MEDIUM, day(110)),
                            COMPETITOR_OFFER, "Initech", true, day(110), WinBackChance.MEDIUM),
                    arguments("an interview naming no competitor", "Globex",
                            (AccountHistory.Step) h -> h.interviewed(NEGLECT, null, WinBackChance.LOW, day(110)),
                            NEGLECT, null, true, day(110), WinBackChance.LOW),
                    arguments("two interviews", null,
                            (AccountHistory.Step) h -> h.interviewed(NEGLECT, null, WinBackChance.LOW, day(110))
                                    .interviewed(BUDGET_CUT, null, WinBackChance.NONE, day(140)),
                            BUDGET_CUT, null, true, day(140), WinBackChance.NONE),
                    arguments("a blank competitor", "  ", AccountHistory.Step.NONE, PRICE, null, false, null, null));
        }

        @ParameterizedTest(name = "{0}, the loss naming {1}: {3}, {4}")
        @MethodSource
        void theExitInterviewHasTheLastWord(String story, String lossCompetitor, AccountHistory.Step afterwards,
                                            LossReason reason, String competitor, boolean interviewed,
                                            Instant interviewedAt, WinBackChance chance) {
            Loss loss = theOnlyLoss(AccountHistory.opened(KEY, day(0)).lost(PRICE, lossCompetitor, day(100))
                    .then(afterwards));

            assertThat(loss.primaryReason()).isEqualTo(reason);
            assertThat(loss.competitor()).isEqualTo(competitor);
            assertThat(loss.interviewed()).isEqualTo(interviewed);
            assertThat(loss.interviewedAt()).isEqualTo(interviewedAt);
            assertThat(loss.winBackChance()).isEqualTo(chance);
        }

        @Test
        void theAccountIsDescribedAsItStoodWhenLost() {
            AccountHistory history = AccountHistory.opened("Initrode", KEY, day(0)).ownedBy("bob", day(20))
                    .valued("90000", day(30))
                    .lost(day(100)).ownedBy("carol", day(120));

            Loss loss = theOnlyLoss(history);

            assertThat(loss).extracting(Loss::accountId, Loss::name, Loss::ownerId, Loss::tier, Loss::annualValue,
                            Loss::currency, Loss::lostAt)
                    .containsExactly(history.accountId(), "Initrode", "bob", KEY, new BigDecimal("90000"), "EUR", day(100));
        }
    }

    @Nested
    class WhatCounts {

        @Test
        void anImportedHistoryIsJudgedAsOneRecordedLive() {
            AccountHistory history = AccountHistory.opened(KEY, day(0)).calledWeekly(0, 300)
                    .competitor("Globex", day(320))
                    .lost(COMPETITOR_OFFER, "Globex", day(400)).interviewed(NEGLECT, "Globex", WinBackChance.LOW, day(410))
                    .wonBack(day(500)).connected(day(500)).lost(day(700));
            List<Loss> live = new LossAnalysis(DEFAULTS).lossesIn(history.events(), ALL_TIME);

            // imported years later, in whatever order the spreadsheet had them
            List<AccountEvent> imported = new ArrayList<>(history.recorded());
            Collections.shuffle(imported, new Random(7));
            LossReport later = new LossAnalysis(DEFAULTS).report(Stream.of(imported), Window.of(day(0), null, day(2000)));

            assertThat(live).extracting(Loss::flaggedAs).containsExactly(NEGLECTED, NEGLECTED);
            assertThat(later.items()).containsExactly(live.get(1), live.get(0));
        }

        static Stream<Arguments> onlyLossesInTheWindow() {
            return Stream.of(
                    // window, losses (on days 100 and 300) in it
                    arguments(new Window(day(100), day(101)), List.of(100)),
                    arguments(new Window(day(0), day(100)), List.of()),
                    arguments(new Window(day(0), day(300)), List.of(100)),
                    arguments(new Window(day(0), day(301)), List.of(100, 300)),
                    arguments(new Window(day(100).plus(Duration.ofSeconds(1)), day(400)), List.of(300)));
        }

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource
        void onlyLossesInTheWindow(Window window, List<Integer> lostOn) {
            AccountHistory history = AccountHistory.opened(KEY, day(0)).lost(day(100)).wonBack(day(200)).lost(day(300));

            List<Loss> losses = new LossAnalysis(DEFAULTS).lossesIn(history.events(), window);

            assertThat(losses).extracting(Loss::lostAt).containsExactlyElementsOf(lostOn.stream()
                    .map(AccountHistory::day).toList());
        }

        @Test
        void anAccountNeverLostHasNoLosses() {
            assertThat(new LossAnalysis(DEFAULTS).lossesIn(AccountHistory.opened(KEY, day(0)).events(), ALL_TIME))
                    .isEmpty();
        }

        @Test
        void theReportAddsUpTheLossesOfEveryAccount() {
            // lead times of 44, 30 and 5 days, one loss unflagged, one never lost
            Stream<List<AccountEvent>> histories = Stream.of(
                    AccountHistory.opened("Acme", KEY, day(0)).connected(day(10)).lost(day(100)),
                    AccountHistory.opened("Globex", KEY, day(0)).connected(day(10)).lost(day(86)),
                    AccountHistory.opened("Initech", KEY, day(0)).connected(day(10))
                            .lost(COMPETITOR_OFFER, "Hooli", day(61)),
                    AccountHistory.opened("Umbrella", KEY, day(0)).tended(0, 90).lost(PRICE, null, day(95)),
                    AccountHistory.opened("Stark", KEY, day(0)).tended(0, 90)).map(AccountHistory::events);

            LossReport report = new LossAnalysis(DEFAULTS).report(histories, new Window(day(0), day(365)));

            assertThat(report.items()).extracting(Loss::name).containsExactly("Acme", "Umbrella", "Globex", "Initech");
            assertThat(report.items()).extracting(Loss::leadTimeDays).containsExactly(44L, null, 30L, 5L);
            assertThat(report.flaggedShare()).isEqualByComparingTo("0.75");
            assertThat(report.medianLeadTimeDays()).isEqualByComparingTo("30");
            assertThat(report.byReason()).containsExactly(
                    Map.entry(NEGLECT, 2L), Map.entry(PRICE, 1L), Map.entry(COMPETITOR_OFFER, 1L));
            assertThat(report.byCompetitor()).containsExactly(Map.entry("Hooli", 1L));
            assertThat(report.interviewCoverage()).isEqualByComparingTo("0");
        }
    }
}
