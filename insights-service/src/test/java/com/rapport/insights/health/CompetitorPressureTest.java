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
import static com.rapport.insights.health.Factor.COMPETITOR_PRESSURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Competitor pressure: sightings in the last 90 days; one costs 40, two 70, three or more everything. */
class CompetitorPressureTest {

    private static final int AS_OF = 200;

    record Seen(String competitor, int daysAgo) {
        @Override
        public String toString() {
            return competitor + " " + daysAgo + " days ago";
        }
    }

    static Stream<Arguments> sightingsInTheWindow() {
        return Stream.of(
                arguments(List.of(), 100, "No competitor seen in the last 90 days"),
                arguments(List.of(new Seen("Globex", 0)), 60, "Competitors seen in the last 90 days: Globex"),
                arguments(List.of(new Seen("Globex", 10)), 60, "Competitors seen in the last 90 days: Globex"),
                arguments(List.of(new Seen("Globex", 89)), 60, "Competitors seen in the last 90 days: Globex"),
                arguments(List.of(new Seen("Globex", 90)), 100, "No competitor seen in the last 90 days"),
                arguments(List.of(new Seen("Globex", 91)), 100, "No competitor seen in the last 90 days"),
                arguments(List.of(new Seen("Globex", 120), new Seen("Globex", 10)), 60,
                        "Competitors seen in the last 90 days: Globex"),
                arguments(List.of(new Seen("Globex", 40), new Seen("Globex", 10)), 30,
                        "Competitors seen in the last 90 days: Globex (2 times)"),
                arguments(List.of(new Seen("Initech", 40), new Seen("Globex", 10)), 30,
                        "Competitors seen in the last 90 days: Globex, Initech"),
                arguments(List.of(new Seen("Globex", 40), new Seen("Initech", 20), new Seen("Globex", 10)), 0,
                        "Competitors seen in the last 90 days: Globex (2 times), Initech"),
                arguments(List.of(new Seen("Umbrella", 50), new Seen("Hooli", 30), new Seen("Initech", 20),
                        new Seen("Globex", 10)), 0, "Competitors seen in the last 90 days: Globex, Hooli, Initech, Umbrella"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void sightingsInTheWindow(List<Seen> sightings, int score, String reason) {
        AccountHistory history = AccountHistory.opened(KEY, day(0));
        sightings.forEach(seen -> history.competitor(seen.competitor(), day(AS_OF - seen.daysAgo())));

        FactorScore pressure = history.factorAt(COMPETITOR_PRESSURE, day(AS_OF));

        assertThat(pressure).extracting(FactorScore::score, FactorScore::reason).containsExactly(score, reason);
    }

    @Test
    void aSightingAfterAsOfIsNotYetPressure() {
        FactorScore pressure = AccountHistory.opened(KEY, day(0)).competitor("Globex", day(AS_OF + 1))
                .factorAt(COMPETITOR_PRESSURE, day(AS_OF));

        assertThat(pressure.score()).isEqualTo(100);
    }

    @Test
    void aNeedLostToACompetitorCountsAsASighting() {
        FactorScore pressure = AccountHistory.opened(KEY, day(0)).competitor("Globex", day(150))
                .need("sso", day(100)).needLostTo("sso", "Initech", day(180))
                .factorAt(COMPETITOR_PRESSURE, day(AS_OF));

        assertThat(pressure).extracting(FactorScore::score, FactorScore::reason)
                .containsExactly(30, "Competitors seen in the last 90 days: Globex, Initech");
    }

    @Test
    void weighsWhatThePolicySays() {
        AccountHistory history = AccountHistory.opened(KEY, day(0));

        assertThat(history.factorAt(COMPETITOR_PRESSURE, day(10)).weight()).isEqualTo(10);
        assertThat(history.factorAt(COMPETITOR_PRESSURE, day(10), Policy.defaults().weight(COMPETITOR_PRESSURE, 1).build())
                .weight()).isEqualTo(1);
    }
}
