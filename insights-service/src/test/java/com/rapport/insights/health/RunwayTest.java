package com.rapport.insights.health;

import com.rapport.insights.AccountHistory;
import com.rapport.insights.account.AccountState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.LONG_TAIL;
import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.insights.AccountHistory.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * An account's runway: the first moment it would be flagged if nothing happened, and by what; the moment
 * asked about when it is flagged already; none for a lost account or beyond a year.
 */
class RunwayTest {

    private static final HealthPolicy DEFAULTS = HealthPolicy.defaults();

    static Stream<Arguments> theFirstFlagIfNothingHappens() {
        return Stream.of(
                arguments("a KEY account contacted 20 days ago: overdue past one cadence of 30",
                        AccountHistory.opened(KEY, day(0))
                                .connected(day(100)), day(120), day(131), "topAccountOverdue"),
                arguments("the same asked in the middle of a day: the contact clock still decides",
                        AccountHistory.opened(KEY, day(0)).connected(day(100)), day(120)
                                .plusSeconds(5 * 3600), day(131),
                        "topAccountOverdue"),
                arguments("a need raised 30 days ago: past its 35 days of grace",
                        AccountHistory.opened(CORE, day(0)).connected(day(195))
                                .need("sso", day(170)), day(200), day(206),
                        "needPastGrace"),
                arguments("a KEY account 40 days after its last contact: flagged already, so now",
                        AccountHistory.opened(KEY, day(0))
                                .connected(day(100)), day(140), day(140), "topAccountOverdue"),
                arguments("a CORE account with nothing coming: neglected past 1.5 x 90 days",
                        AccountHistory.opened(CORE, day(0)).connected(day(195)), day(200), day(331), "NEGLECTED"),
                arguments("a STRATEGIC account (no signal watches it): neglected past 1.5 x 7 days",
                        AccountHistory.opened(STRATEGIC, day(0)).connected(day(100)), day(101), day(111), "NEGLECTED"),
                arguments("contacts falling away: the collapse comes when the contact of day 70 leaves the last 90 days",
                        AccountHistory.opened(CORE, day(0)).connected(day(10)).connected(day(30)).connected(day(50))
                                .connected(day(70)).connected(day(120)),
                        day(125), day(160), "momentumCollapse"),
                arguments("a detractor's complaint: flagged now, whatever comes later",
                        AccountHistory.opened(CORE, day(0)).connected(day(195)).feedback(2, "Slow answers", day(198)),
                        day(200), day(200), "detractorComplaint"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void theFirstFlagIfNothingHappens(String what, AccountHistory history, Instant after, Instant flaggedAt, String because) {
        Optional<Runway> runway = runwayOf(history, after, DEFAULTS);

        assertThat(runway).contains(new Runway(flaggedAt, because));
        assertThat(history.assessedAt(flaggedAt).flags()).contains(because);
        if (flaggedAt.isAfter(after)) {
            assertThat(history.assessedAt(flaggedAt.minusNanos(1)).flagged()).as("not a moment before").isFalse();
        }
    }

    @Test
    void aLostAccountHasNone() {
        AccountHistory lost = AccountHistory.opened(KEY, day(0)).connected(day(100)).lost(day(110));

        assertThat(runwayOf(lost, day(120), DEFAULTS)).isEmpty();
    }

    @Test
    void anAccountNotFlaggedWithinAYearHasNone() {
        // its own cadence of 400 days: contact recency holds until day 410, neglect comes after day 610
        AccountHistory patient = AccountHistory.opened(LONG_TAIL, 400, day(0)).connected(day(10));

        assertThat(runwayOf(patient, day(20), DEFAULTS)).isEmpty();
        assertThat(runwayOf(patient, day(300), DEFAULTS)).isPresent();
    }

    @Test
    void theDaysAreWholeDaysFromTheMomentAsked() {
        Runway runway = new Runway(day(131), "topAccountOverdue");

        assertThat(runway.daysFrom(day(120))).isEqualTo(11);
        assertThat(runway.daysFrom(day(120).plus(Duration.ofHours(1)))).isEqualTo(10);
        assertThat(runway.daysFrom(day(131))).isZero();
    }

    private static Optional<Runway> runwayOf(AccountHistory history, Instant after, HealthPolicy policy) {
        return HealthModel.runway(AccountState.fold(history.events(), after, policy), after, policy);
    }
}
