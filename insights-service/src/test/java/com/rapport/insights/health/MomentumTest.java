package com.rapport.insights.health;

import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.KEY;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.Factor.MOMENTUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Momentum: connected contacts in the last 90 days against the 90 before. Assessed on day 200,
 * the last 90 days are days 111 to 200 and the 90 before them days 21 to 110.
 */
class MomentumTest {

    private static final int AS_OF = 200;

    static Stream<Arguments> recentContactsAgainstTheWindowBefore() {
        return Stream.of(
                // days of connected contacts, sub-score, reason
                arguments(List.of(), 50, "Flat at nothing: 0 two-way contacts in the last 90 days, 0 in the 90 before"),
                arguments(List.of(60, 150), 100, "Steady or rising: 1 two-way contact in the last 90 days, 1 in the 90 before"),
                arguments(List.of(150), 100, "Steady or rising: 1 two-way contact in the last 90 days, 0 in the 90 before"),
                arguments(List.of(60, 120, 150, 190), 100,
                        "Steady or rising: 3 two-way contacts in the last 90 days, 1 in the 90 before"),
                arguments(List.of(40, 60), 0, "Falling: 0 two-way contacts in the last 90 days, 2 in the 90 before"),
                arguments(List.of(40, 60, 150), 50, "Falling: 1 two-way contact in the last 90 days, 2 in the 90 before"),
                arguments(List.of(30, 60, 90, 150), 33, "Falling: 1 two-way contact in the last 90 days, 3 in the 90 before"),
                arguments(List.of(30, 60, 90, 150, 190), 66,
                        "Falling: 2 two-way contacts in the last 90 days, 3 in the 90 before"));
    }

    @ParameterizedTest(name = "contacts on days {0}: {1}")
    @MethodSource
    void recentContactsAgainstTheWindowBefore(List<Integer> days, int score, String reason) {
        FactorScore momentum = connectedOn(days).factorAt(MOMENTUM, day(AS_OF));

        assertThat(momentum).extracting(FactorScore::score, FactorScore::reason).containsExactly(score, reason);
    }

    static Stream<Arguments> theWindowsEdges() {
        return Stream.of(
                // the day of the only connected contact, counted in the last 90 days, counted in the 90 before
                arguments(AS_OF, 1, 0),
                arguments(111, 1, 0),
                arguments(110, 0, 1),
                arguments(21, 0, 1),
                arguments(20, 0, 0),
                arguments(AS_OF + 1, 0, 0));
    }

    @ParameterizedTest(name = "a contact on day {0}: {1} recent, {2} before")
    @MethodSource
    void theWindowsEdges(int contactDay, int recent, int before) {
        FactorScore momentum = connectedOn(List.of(contactDay)).factorAt(MOMENTUM, day(AS_OF));

        assertThat(momentum.reason()).endsWith(recent + " two-way contact" + (recent == 1 ? "" : "s")
                + " in the last 90 days, " + before + " in the 90 before");
    }

    @Test
    void attemptsAreNoContacts() {
        FactorScore momentum = connectedOn(List.of(40, 60)).voicemail(day(150)).noAnswer(day(190))
                .factorAt(MOMENTUM, day(AS_OF));

        assertThat(momentum.score()).isZero();
        assertThat(momentum.reason()).isEqualTo("Falling: 0 two-way contacts in the last 90 days, 2 in the 90 before");
    }

    static Stream<Arguments> anAccountYoungerThanAWindowIsTooNewToJudge() {
        return Stream.of(
                // opened how many days before asOf, sub-score, reason
                arguments(0, 100, "Opened less than 90 days ago: too new to judge momentum"),
                arguments(89, 100, "Opened less than 90 days ago: too new to judge momentum"),
                arguments(90, 50, "Flat at nothing: 0 two-way contacts in the last 90 days, 0 in the 90 before"));
    }

    @ParameterizedTest(name = "opened {0} days before: {1}")
    @MethodSource
    void anAccountYoungerThanAWindowIsTooNewToJudge(int age, int score, String reason) {
        FactorScore momentum = AccountHistory.opened(KEY, day(AS_OF - age)).factorAt(MOMENTUM, day(AS_OF));

        assertThat(momentum).extracting(FactorScore::score, FactorScore::reason).containsExactly(score, reason);
    }

    @Test
    void weighsWhatThePolicySays() {
        AccountHistory history = AccountHistory.opened(KEY, day(0));

        assertThat(history.factorAt(MOMENTUM, day(10)).weight()).isEqualTo(10);
        assertThat(history.factorAt(MOMENTUM, day(10), Policy.defaults().weight(MOMENTUM, 20).build()).weight())
                .isEqualTo(20);
    }

    private static AccountHistory connectedOn(List<Integer> days) {
        AccountHistory history = AccountHistory.opened(KEY, day(0));
        days.forEach(contactDay -> history.connected(day(contactDay)));
        return history;
    }
}
