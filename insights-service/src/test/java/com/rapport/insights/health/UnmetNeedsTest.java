package com.rapport.insights.health;

import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.KEY;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.Factor.COMPETITOR_PRESSURE;
import static com.rapport.insights.health.Factor.UNMET_NEEDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Unmet needs: none may stay open past 30 days. Each that does costs 30 points, and 10 more for
 * every further 30 days; addressing, declining or losing it to a competitor closes it.
 */
class UnmetNeedsTest {

    private static final String NEED = "Reporting in their own currency";

    static Stream<Arguments> oneNeedByItsAge() {
        return Stream.of(
                // days open, sub-score, reason
                arguments(0, 100, "1 unmet need open, none for more than 30 days"),
                arguments(30, 100, "1 unmet need open, none for more than 30 days"),
                arguments(31, 70, "1 unmet need open for more than 30 days; the oldest, for 31 days: " + NEED),
                arguments(60, 70, "1 unmet need open for more than 30 days; the oldest, for 60 days: " + NEED),
                arguments(61, 60, "1 unmet need open for more than 30 days; the oldest, for 61 days: " + NEED),
                arguments(90, 60, "1 unmet need open for more than 30 days; the oldest, for 90 days: " + NEED),
                arguments(91, 50, "1 unmet need open for more than 30 days; the oldest, for 91 days: " + NEED),
                arguments(211, 10, "1 unmet need open for more than 30 days; the oldest, for 211 days: " + NEED),
                arguments(241, 0, "1 unmet need open for more than 30 days; the oldest, for 241 days: " + NEED),
                arguments(400, 0, "1 unmet need open for more than 30 days; the oldest, for 400 days: " + NEED));
    }

    @ParameterizedTest(name = "open {0} days: {1}, \"{2}\"")
    @MethodSource
    void oneNeedByItsAge(int days, int score, String reason) {
        FactorScore needs = AccountHistory.opened(KEY, day(0)).need("currency", day(10))
                .factorAt(UNMET_NEEDS, day(10 + days));

        assertThat(needs).extracting(FactorScore::score, FactorScore::reason).containsExactly(score, reason);
    }

    @Test
    void noNeedsAreAsExpected() {
        assertThat(AccountHistory.opened(KEY, day(0)).factorAt(UNMET_NEEDS, day(400)))
                .isEqualTo(new FactorScore(UNMET_NEEDS, 100, 10, "No unmet needs open"));
    }

    static Stream<Arguments> everyOverdueNeedCosts() {
        return Stream.of(
                // ages of the open needs on day 400, sub-score, the start of the reason
                arguments(List.of(31, 31), 40, "2 unmet needs open for more than 30 days; the oldest, for 31 days"),
                arguments(List.of(10, 45, 31), 40, "2 unmet needs open for more than 30 days; the oldest, for 45 days"),
                arguments(List.of(61, 31), 30, "2 unmet needs open for more than 30 days; the oldest, for 61 days"),
                arguments(List.of(31, 31, 31), 10, "3 unmet needs open for more than 30 days; the oldest, for 31 days"),
                arguments(List.of(31, 31, 31, 31), 0, "4 unmet needs open for more than 30 days; the oldest, for 31 days"),
                arguments(List.of(5, 30), 100, "2 unmet needs open, none for more than 30 days"));
    }

    @ParameterizedTest(name = "needs aged {0}: {1}")
    @MethodSource
    void everyOverdueNeedCosts(List<Integer> ages, int score, String reason) {
        AccountHistory history = AccountHistory.opened(KEY, day(0));
        for (int i = 0; i < ages.size(); i++) {
            history.need("need " + i, day(400 - ages.get(i)));
        }

        FactorScore needs = history.factorAt(UNMET_NEEDS, day(400));

        assertThat(needs.score()).isEqualTo(score);
        assertThat(needs.reason()).startsWith(reason);
    }

    static Stream<Arguments> whatClosesANeed() {
        return Stream.of(
                // what happened to the need raised on day 10, by day 100; is it still open?
                arguments("addressed", step(h -> h.needAddressed("currency", day(50))), false),
                arguments("declined", step(h -> h.needDeclined("currency", day(50))), false),
                arguments("lost to a competitor", step(h -> h.needLostTo("currency", "Globex", day(50))), false),
                arguments("addressed after asOf", step(h -> h.needAddressed("currency", day(101))), true),
                arguments("another need addressed", step(h -> h.need("sso", day(20))
                        .needAddressed("sso", day(50))), true),
                arguments("talked about", step(h -> h.connected(day(50))), true));
    }

    @ParameterizedTest(name = "{0}: still open {2}")
    @MethodSource
    void whatClosesANeed(String what, UnaryOperator<AccountHistory> ending, boolean stillOpen) {
        FactorScore needs = AccountHistory.opened(KEY, day(0)).need("currency", day(10)).then(ending)
                .factorAt(UNMET_NEEDS, day(100));

        if (stillOpen) {
            assertThat(needs.score()).isEqualTo(60);
            assertThat(needs.reason()).contains("the oldest, for 90 days: " + NEED);
        } else {
            assertThat(needs).isEqualTo(new FactorScore(UNMET_NEEDS, 100, 10, "No unmet needs open"));
        }
    }

    @Test
    void aNeedLostToACompetitorIsCompetitorPressure() {
        FactorScore pressure = AccountHistory.opened(KEY, day(0)).need("currency", day(10))
                .needLostTo("currency", "Globex", day(50))
                .factorAt(COMPETITOR_PRESSURE, day(100));

        assertThat(pressure.score()).isEqualTo(60);
        assertThat(pressure.reason()).isEqualTo("Competitors seen in the last 90 days: Globex");
    }

    @Test
    void theReasonQuotesTheOldestNeedOnOneShortLine() {
        FactorScore needs = AccountHistory.opened(KEY, day(0))
                .need("newer", "Single sign-on", day(300))
                .need("older", "  A consolidated\n   invoice for all seven subsidiaries, in their local currencies and languages ",
                        day(200))
                .factorAt(UNMET_NEEDS, day(400));

        assertThat(needs.reason()).isEqualTo("2 unmet needs open for more than 30 days; the oldest, for 200 days: "
                + "A consolidated invoice for all seven subsidiaries, in their\u2026");
    }

    @Test
    void weighsWhatThePolicySays() {
        AccountHistory history = AccountHistory.opened(KEY, day(0));

        assertThat(history.factorAt(UNMET_NEEDS, day(10)).weight()).isEqualTo(10);
        assertThat(history.factorAt(UNMET_NEEDS, day(10), Policy.defaults().weight(UNMET_NEEDS, 0).build()).weight())
                .isZero();
    }

    private static UnaryOperator<AccountHistory> step(UnaryOperator<AccountHistory> step) {
        return step;
    }
}
