package com.rapport.insights.health;

import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.insights.AccountHistory;
import com.rapport.insights.account.AccountState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.RiskSignal.COMPETITOR_SIGHTED;
import static com.rapport.insights.health.RiskSignal.DETRACTOR_COMPLAINT;
import static com.rapport.insights.health.RiskSignal.MOMENTUM_COLLAPSE;
import static com.rapport.insights.health.RiskSignal.NEED_PAST_GRACE;
import static com.rapport.insights.health.RiskSignal.TOP_ACCOUNT_OVERDUE;
import static com.rapport.insights.health.RiskSignal.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each risk signal: raised on its own rule with its sentence and figures, and cleared when the rule no longer holds. */
class RiskSignalsTest {

    private static final HealthPolicy DEFAULTS = HealthPolicy.defaults();

    /** A CORE account (not a top tier, cadence 90) spoken with on day 195: nothing else raises a signal. */
    private static AccountHistory core() {
        return AccountHistory.opened(CORE, day(0)).connected(day(195));
    }

    static Stream<Arguments> eachSignalOnItsOwn() {
        return Stream.of(
                arguments("a detractor with a complaint unanswered", (UnaryOperator<AccountHistory>) history ->
                                history.feedback(3, "Invoices are wrong again", day(196)),
                        DETRACTOR_COMPLAINT, "NPS 3 on 21 Jul 2025, and the complaint of 21 Jul 2025 unanswered"
                                + " for 4 days: \u201cInvoices are wrong again\u201d",
                        Map.of("nps", 3L, "daysUnanswered", 4L)),
                arguments("a competitor seen ten days ago", (UnaryOperator<AccountHistory>) history ->
                                history.competitor("Globex", day(190)),
                        COMPETITOR_SIGHTED, "Globex seen 10 days ago", Map.of("sightings", 1L, "daysSinceSighting", 10L)),
                arguments("two sightings within the window", (UnaryOperator<AccountHistory>) history ->
                                history.competitor("Initech", day(150)).competitor("Globex", day(199)),
                        COMPETITOR_SIGHTED, "Globex seen yesterday, 2 sightings in the last 60 days",
                        Map.of("sightings", 2L, "daysSinceSighting", 1L)),
                arguments("a need open for four months", (UnaryOperator<AccountHistory>) history ->
                                history.need("sso", "Single sign-on for the field team", day(80)),
                        NEED_PAST_GRACE, "A need open for 120 days, past 35: Single sign-on for the field team",
                        Map.of("daysOpen", 120L, "needOpenDays", 35L)),
                arguments("two voicemails in a row", (UnaryOperator<AccountHistory>) history ->
                                history.voicemail(day(197)).noAnswer(day(198)),
                        UNREACHABLE, "2 voicemail or unanswered attempts in a row since the last two-way contact",
                        Map.of("attempts", 2L)),
                arguments("a low passive with a complaint", (UnaryOperator<AccountHistory>) history ->
                                history.feedback(7, "Slow answers", day(196)),
                        DETRACTOR_COMPLAINT, "NPS 7 on 21 Jul 2025, and the complaint of 21 Jul 2025 unanswered"
                                + " for 4 days: \u201cSlow answers\u201d",
                        Map.of("nps", 7L, "daysUnanswered", 4L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void eachSignalOnItsOwn(String what, UnaryOperator<AccountHistory> happened, RiskSignal signal, String reason,
                            Map<String, Long> figures) {
        Assessment assessment = happened.apply(core()).assessedAt(day(200));

        assertThat(assessment.signals()).singleElement().satisfies(raised -> {
            assertThat(raised.signal()).isEqualTo(signal);
            assertThat(raised.reason()).isEqualTo(reason);
            assertThat(raised.figures()).isEqualTo(figures);
        });
        assertThat(assessment.flagged()).isTrue();
    }

    static Stream<Arguments> whatRaisesNothing() {
        return Stream.of(
                arguments("a passive of 8 with a complaint", (UnaryOperator<AccountHistory>) history ->
                        history.feedback(8, "Slow answers", day(190))),
                arguments("a detractor whose complaint was talked through", (UnaryOperator<AccountHistory>) history ->
                        history.feedback(2, "Slow answers", day(190)).connected(day(192))),
                arguments("a detractor with no complaint", (UnaryOperator<AccountHistory>) history ->
                        history.feedback(4, null, day(190))),
                arguments("a competitor seen 60 days ago", (UnaryOperator<AccountHistory>) history ->
                        history.competitor("Globex", day(140))),
                arguments("a need open 35 days", (UnaryOperator<AccountHistory>) history -> history.need("sso", day(165))),
                arguments("a need open long but addressed", (UnaryOperator<AccountHistory>) history ->
                        history.need("sso", day(20)).needAddressed("sso", day(190))),
                arguments("one voicemail", (UnaryOperator<AccountHistory>) history -> history.voicemail(day(198))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void whatRaisesNothing(String what, UnaryOperator<AccountHistory> happened) {
        assertThat(happened.apply(core()).assessedAt(day(200)).signals()).isEmpty();
    }

    static Stream<Arguments> aTopAccountOverdueAtOneCadence() {
        return Stream.of(
                arguments(KEY, 30, false),
                arguments(KEY, 31, true),
                arguments(STRATEGIC, 8, false),
                arguments(CORE, 100, false));
    }

    @ParameterizedTest(name = "{0} account {1} days after its last contact: raised {2}")
    @MethodSource
    void aTopAccountOverdueAtOneCadence(Tier tier, int daysSinceContact, boolean raised) {
        Assessment assessment = AccountHistory.opened(tier, day(0)).connected(day(100))
                .assessedAt(day(100 + daysSinceContact));

        assertThat(assessment.signals().stream().anyMatch(signal -> signal.signal() == TOP_ACCOUNT_OVERDUE))
                .isEqualTo(raised);
    }

    @Test
    void aKeyAccountOverdueIsRaisedBeforeItIsNeglected() {
        Assessment assessment = AccountHistory.opened(KEY, day(0)).connected(day(100)).assessedAt(day(140));

        assertThat(assessment.neglected()).isFalse();
        assertThat(assessment.signals()).singleElement().satisfies(signal -> {
            assertThat(signal.reason()).isEqualTo("A key account with no two-way contact in 40 days; cadence is 30");
            assertThat(signal.figures()).isEqualTo(Map.of("daysSinceContact", 40L, "cadenceDays", 30L));
        });
    }

    static Stream<Arguments> momentumCollapsing() {
        return Stream.of(
                arguments(List.of(10, 30, 50, 70), List.of(120), true, "1 in the last 90 days against 4 in the 90 before"),
                arguments(List.of(10, 30, 50, 70), List.of(), true, "0 in the last 90 days against 4 in the 90 before"),
                arguments(List.of(10, 30, 50, 70), List.of(120, 150), false, ""),
                arguments(List.of(10, 30, 50, 70, 80), List.of(120), true, "1 in the last 90 days against 5 in the 90 before"),
                arguments(List.of(30, 50, 70), List.of(), false, ""));
    }

    @ParameterizedTest(name = "contacts on days {0} then {1}: raised {2}")
    @MethodSource
    void momentumCollapsing(List<Integer> earlier, List<Integer> recent, boolean raised, String figures) {
        AccountHistory history = AccountHistory.opened(CORE, day(0));
        earlier.forEach(day -> history.connected(day(day)));
        recent.forEach(day -> history.connected(day(day)));

        List<RaisedSignal> signals = history.assessedAt(day(180)).signals();

        if (raised) {
            assertThat(signals).singleElement().satisfies(signal -> {
                assertThat(signal.signal()).isEqualTo(MOMENTUM_COLLAPSE);
                assertThat(signal.reason()).isEqualTo("Two-way contact collapsed: " + figures);
            });
        } else {
            assertThat(signals).isEmpty();
        }
    }

    @Test
    void theIssuesKeyAccountIsFlaggedWhileItsScoreStaysOutOfAtRisk() {
        // contacted every 20 days, NPS 3 with a complaint, a need open four months, a competitor seen ten days ago
        AccountHistory history = AccountHistory.opened(KEY, day(0));
        for (int day = 0; day <= 300; day += 20) {
            history.connected(day(day));
        }
        history.need("sso", day(185)).feedback(3, "Too many outages", day(301)).competitor("Globex", day(295));

        Assessment assessment = history.assessedAt(day(305));

        assertThat(assessment.band()).isNotIn(HealthBand.AT_RISK, HealthBand.CRITICAL);
        assertThat(assessment.signals()).extracting(RaisedSignal::signal)
                .containsExactly(DETRACTOR_COMPLAINT, COMPETITOR_SIGHTED, NEED_PAST_GRACE);
        assertThat(assessment.flagged()).isTrue();
    }

    @Test
    void aSightingClearsItsSignalWhenItLeavesTheWindowAndTheRowKnowsWhen() {
        AccountHistory history = core().competitor("Globex", day(190));
        AccountState state = AccountState.fold(history.events(), day(200), DEFAULTS);

        Instant clears = day(190).plus(Duration.ofDays(60));

        assertThat(history.assessedAt(clears.minusSeconds(1)).signals()).extracting(RaisedSignal::signal)
                .containsExactly(COMPETITOR_SIGHTED);
        assertThat(history.assessedAt(clears).signals()).isEmpty();
        // each day on, the sentence counts one more day: the row is assessed again then, and at the clearing
        Instant moment = day(200);
        while (moment.isBefore(clears)) {
            moment = HealthModel.nextChange(state, moment, DEFAULTS).orElseThrow();
        }
        assertThat(moment).isEqualTo(clears);
    }

    @Test
    void aNeedRaisesItsSignalTheDayAfterItsTimeIsUp() {
        AccountHistory history = core().need("sso", day(100));

        assertThat(history.assessedAt(day(135)).signals()).isEmpty();
        assertThat(history.assessedAt(day(136)).signals()).extracting(RaisedSignal::signal).containsExactly(NEED_PAST_GRACE);
        assertThat(history.needAddressed("sso", day(150)).assessedAt(day(150)).signals()).isEmpty();
    }

    @Test
    void aComplaintTalkedThroughClearsTheDetractorSignal() {
        AccountHistory history = core().feedback(2, "Nobody calls back", day(196));

        assertThat(history.assessedAt(day(197)).signals()).extracting(RaisedSignal::signal)
                .containsExactly(DETRACTOR_COMPLAINT);
        assertThat(history.connected(day(198)).assessedAt(day(198)).signals()).isEmpty();
    }

    @Test
    void aSignalTurnedOffIsNeverRaised() {
        HealthPolicy policy = DEFAULTS.withSignals(DEFAULTS.signals().withOff(Set.of(COMPETITOR_SIGHTED)));

        assertThat(core().competitor("Globex", day(190)).assessedAt(day(200), policy).signals()).isEmpty();
    }

    @Test
    void aLostAccountRaisesNone() {
        Assessment assessment = core().competitor("Globex", day(190)).lost(day(195)).assessedAt(day(200));

        assertThat(assessment.signals()).isEmpty();
        assertThat(assessment.flagged()).isFalse();
    }

    @Test
    void aRecentSightingCannotReachFurtherBackThanTheStateKeepsSightings() {
        SignalPolicy defaults = SignalPolicy.defaults();
        SignalPolicy tooLong = new SignalPolicy(Set.of(), defaults.detractorAtMost(), DEFAULTS.competitorWindowDays() + 1,
                defaults.needOpenDays(), defaults.topTiers(), defaults.overdueCadences(),
                defaults.momentumCollapsePercent(), defaults.momentumCollapseFrom(), defaults.unreachableAttempts());

        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.withSignals(tooLong))
                .withMessageContaining("competitorWithinDays must not exceed competitorWindowDays");
    }
}
