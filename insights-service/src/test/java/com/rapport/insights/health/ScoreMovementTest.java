package com.rapport.insights.health;

import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.KEY;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.Factor.COMPETITOR_PRESSURE;
import static com.rapport.insights.health.Factor.CONTACT_RECENCY;
import static com.rapport.insights.health.Factor.UNMET_NEEDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Why the score moved: each factor's part in the change, split between the events that moved it and time
 * passing alone. A KEY account's weights add up to 100 under the defaults, so a factor's part is its
 * sub-score's change times its weight over 100.
 */
class ScoreMovementTest {

    static Stream<Arguments> eventsAndTime() {
        return Stream.of(
                // what happened (after opening a KEY account on day 0), from, to, factor, points by events, by time
                arguments("a contact resets recency", step(h -> h.connected(day(10)).connected(day(60))),
                        50, 70, CONTACT_RECENCY, (100 - 33) * 25 / 100.0, (33 - 67) * 25 / 100.0),
                arguments("time alone lowers recency", step(h -> h.connected(day(10))),
                        40, 60, CONTACT_RECENCY, 0.0, (33 - 100) * 25 / 100.0),
                arguments("a competitor is sighted", step(h -> h.connected(day(50)).competitor("Globex", day(55))),
                        50, 60, COMPETITOR_PRESSURE, (60 - 100) * 10 / 100.0, 0.0),
                arguments("a sighting leaves its window", step(h -> h.competitor("Globex", day(5))),
                        90, 100, COMPETITOR_PRESSURE, 0.0, (100 - 60) * 10 / 100.0),
                arguments("a need past its grace is addressed",
                        step(h -> h.need("reporting", day(10)).needAddressed("reporting", day(55))),
                        50, 60, UNMET_NEEDS, (100 - 70) * 10 / 100.0, 0.0));
    }

    @ParameterizedTest(name = "{0}: {4} by events {5}, by time {6}")
    @MethodSource("eventsAndTime")
    void eachFactorsChangeIsSplitBetweenTheEventsThatMovedItAndTime(String what, UnaryOperator<AccountHistory> then, int from,
                                                                     int to, Factor factor, double byEvents,
                                                                     double byTime) {
        ScoreMovement movement = movement(then, from, to);

        assertThat(byEvents(movement, factor)).isCloseTo(byEvents, within(1e-9));
        assertThat(byTime(movement, factor)).isCloseTo(byTime, within(1e-9));
        assertThat(part(movement, factor).points()).isCloseTo(byEvents + byTime, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsAndTime")
    void thePartsAddUpToTheChangeOfTheWeightedScore(String what, UnaryOperator<AccountHistory> then, int from, int to) {
        ScoreMovement movement = movement(then, from, to);

        assertThat(movement.factors().stream().mapToDouble(ScoreMovement.FactorMovement::points).sum())
                .isCloseTo(ScoreMovement.weighted(movement.to()) - ScoreMovement.weighted(movement.from()), within(1e-9));
        for (ScoreMovement.FactorMovement part : movement.factors()) {
            assertThat(byEvents(movement, part.factor()) + byTime(movement, part.factor())).as(part.factor().key())
                    .isCloseTo(part.points(), within(1e-9));
        }
    }

    @Test
    void aStepListsOnlyTheFactorsItMovedAndSaysWhatHappened() {
        ScoreMovement movement = ScoreMovement.between(AccountHistory.opened(KEY, day(0)).connected(day(10))
                .connected(day(60))
                .events(), day(50), day(70), HealthPolicy.defaults()).orElseThrow();

        assertThat(movement.steps()).singleElement().satisfies(step -> {
            assertThat(step.event().occurredAt()).isEqualTo(day(60));
            assertThat(step.summary()).isEqualTo("Call by alice (account manager): connected");
            assertThat(step.moves()).containsExactly(new ScoreMovement.Move(CONTACT_RECENCY, 33, 100, 67 * 25 / 100.0));
        });
        assertThat(movement.time()).containsExactly(new ScoreMovement.Drift(CONTACT_RECENCY, -34 * 25 / 100.0));
    }

    @Test
    void anEventThatChangedNothingIsLeftOut() {
        // one voicemail is below the three unanswered attempts that start to weigh
        ScoreMovement movement = ScoreMovement.between(AccountHistory.opened(KEY, day(0)).connected(day(10))
                .voicemail(day(15))
                .events(), day(12), day(20), HealthPolicy.defaults()).orElseThrow();

        assertThat(movement.steps()).isEmpty();
        assertThat(movement.time()).isEmpty();
        assertThat(movement.factors()).allSatisfy(part -> assertThat(part.points()).isZero());
    }

    @Test
    void theEndOfANeedQuotesTheNeed() {
        ScoreMovement movement = ScoreMovement.between(AccountHistory.opened(KEY, day(0))
                .need("reporting", day(10)).needAddressed("reporting", day(55)).events(), day(50), day(60),
                HealthPolicy.defaults()).orElseThrow();

        assertThat(movement.steps()).singleElement().extracting(ScoreMovement.Step::summary)
                .isEqualTo("Need addressed: Reporting in their own currency");
    }

    @Test
    void saysWhenAWeightyFactorAtZeroHoldsTheScoreBelowHealthy() {
        // a promoter spoken with on the opening day: everything as expected but the contact clock, at 0 on day 70
        ScoreMovement movement = ScoreMovement.between(AccountHistory.opened(KEY, day(0)).connected(day(0))
                .feedback(10, null, day(0)).events(), day(10), day(70), HealthPolicy.defaults()).orElseThrow();

        assertThat(ScoreMovement.capped(movement.from())).isFalse();
        assertThat(ScoreMovement.weighted(movement.to())).isEqualTo(75.0);
        assertThat(movement.to().score()).isEqualTo(74);
        assertThat(ScoreMovement.capped(movement.to())).isTrue();
        assertThat(part(movement, CONTACT_RECENCY).points()).isEqualTo(-25.0);
    }

    @Test
    void aRangeThatStartsBeforeTheOpeningStartsAtTheOpening() {
        var history = AccountHistory.opened(KEY, day(10)).connected(day(20)).events();

        assertThat(ScoreMovement.between(history, day(0), day(30), HealthPolicy.defaults()).orElseThrow().from().asOf())
                .isEqualTo(day(10));
        assertThat(ScoreMovement.between(history, day(0), day(5), HealthPolicy.defaults())).isEmpty();
    }

    @Test
    void aLongStoryIsAccountedForInFull() {
        var history = AccountHistory.opened(KEY, day(0))
                .connected(day(20)).voicemail(day(70)).voicemail(day(75)).noAnswer(day(80)).voicemail(day(85))
                .feedback(3, "Invoices arrive late", day(90)).need("reporting", day(95)).competitor("Globex", day(100))
                .connected(day(130)).pitch(true, day(140)).retiered(KEY, day(150)).needDeclined("reporting", day(160))
                .events();

        ScoreMovement movement = ScoreMovement.between(history, day(15), day(250), HealthPolicy.defaults()).orElseThrow();

        assertThat(movement.factors().stream().mapToDouble(ScoreMovement.FactorMovement::points).sum())
                .isCloseTo(ScoreMovement.weighted(movement.to()) - ScoreMovement.weighted(movement.from()), within(1e-9));
        for (ScoreMovement.FactorMovement part : movement.factors()) {
            assertThat(byEvents(movement, part.factor()) + byTime(movement, part.factor())).as(part.factor().key())
                    .isCloseTo(part.points(), within(1e-9));
        }
        assertThat(movement.steps()).extracting(step -> step.event().occurredAt())
                .as("left out: a contact and a pitch while their clocks were within expectation, a need within its"
                        + " grace, a retier to the same tier, the voicemails before the third attempt")
                .containsExactly(day(80), day(85), day(90), day(100), day(130), day(160));
    }

    private static UnaryOperator<AccountHistory> step(UnaryOperator<AccountHistory> step) {
        return step;
    }

    private static ScoreMovement movement(UnaryOperator<AccountHistory> then, int from, int to) {
        return ScoreMovement.between(AccountHistory.opened(KEY, day(0)).then(then).events(), day(from), day(to),
                HealthPolicy.defaults()).orElseThrow();
    }

    private static ScoreMovement.FactorMovement part(ScoreMovement movement, Factor factor) {
        return movement.factors().stream().filter(part -> part.factor() == factor).findFirst().orElseThrow();
    }

    private static double byEvents(ScoreMovement movement, Factor factor) {
        return movement.steps().stream().flatMap(step -> step.moves().stream())
                .filter(move -> move.factor() == factor)
                .mapToDouble(ScoreMovement.Move::points).sum();
    }

    private static double byTime(ScoreMovement movement, Factor factor) {
        return movement.time().stream().filter(drift -> drift.factor() == factor)
                .mapToDouble(ScoreMovement.Drift::points).sum();
    }
}
