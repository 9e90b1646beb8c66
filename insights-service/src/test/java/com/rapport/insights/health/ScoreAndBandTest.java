package com.rapport.insights.health;

import com.rapport.events.insights.HealthBand;
import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.events.insights.HealthBand.AT_RISK;
import static com.rapport.events.insights.HealthBand.CRITICAL;
import static com.rapport.events.insights.HealthBand.HEALTHY;
import static com.rapport.events.insights.HealthBand.WATCH;
import static com.rapport.events.outreach.Channel.CALL;
import static com.rapport.events.outreach.Channel.MEETING;
import static com.rapport.events.outreach.ContactOutcome.CONNECTED;
import static com.rapport.events.outreach.StaffRole.EXECUTIVE;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.Factor.COMPETITOR_PRESSURE;
import static com.rapport.insights.health.Factor.CONTACT_RECENCY;
import static com.rapport.insights.health.Factor.EXECUTIVE_TOUCH;
import static com.rapport.insights.health.Factor.FACE_TIME;
import static com.rapport.insights.health.Factor.MOMENTUM;
import static com.rapport.insights.health.Factor.RE_PITCH;
import static com.rapport.insights.health.Factor.UNANSWERED_ATTEMPTS;
import static com.rapport.insights.health.Factor.UNMET_NEEDS;
import static com.rapport.insights.health.Factor.VOICE_OF_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The score is the weighted average of the factors expected of the account, rounded; the band
 * follows from it: HEALTHY 75+, WATCH 50-74, AT_RISK 25-49, CRITICAL below 25.
 */
class ScoreAndBandTest {

    static Stream<Arguments> bandsOfTheDefaultPolicy() {
        return Stream.of(
                arguments(0, CRITICAL),
                arguments(24, CRITICAL),
                arguments(25, AT_RISK),
                arguments(49, AT_RISK),
                arguments(50, WATCH),
                arguments(74, WATCH),
                arguments(75, HEALTHY),
                arguments(100, HEALTHY));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource
    void bandsOfTheDefaultPolicy(int score, HealthBand band) {
        assertThat(HealthModel.band(score, HealthPolicy.defaults())).isEqualTo(band);
    }

    static Stream<Arguments> bandsOfAStricterPolicy() {
        return Stream.of(
                arguments(29, CRITICAL),
                arguments(30, AT_RISK),
                arguments(59, AT_RISK),
                arguments(60, WATCH),
                arguments(89, WATCH),
                arguments(90, HEALTHY));
    }

    @ParameterizedTest(name = "{0} is {1} when HEALTHY starts at 90, WATCH at 60, AT_RISK at 30")
    @MethodSource
    void bandsOfAStricterPolicy(int score, HealthBand band) {
        assertThat(HealthModel.band(score, Policy.defaults().bands(90, 60, 30).build())).isEqualTo(band);
    }

    /** Accounts whose every factor is worked out by hand in the comments. */
    static Stream<Arguments> accountsInEveryBand() {
        return Stream.of(
                // all nine factors 100
                arguments("a tended key account", AccountHistory.opened(KEY, day(0))
                        .connected(day(60)).pitch(true, day(120)).connected(day(150)).feedback(9, null, day(150))
                        .contact(CONNECTED, MEETING, EXECUTIVE, day(190)), day(200), 100, HEALTHY),
                // contact recency 3 (59 days against 30, weight 25), all else 100: 75.75
                arguments("a key account silent for 59 days", wellStarted(), day(69), 76, HEALTHY),
                // as above, and competitor pressure 60 (weight 10): 75.75 - 4
                arguments("the same, with a competitor around", wellStarted().competitor("Globex", day(65)),
                        day(69), 72, WATCH),
                // recency 0, face time, executive touch and re-pitch 33 (300 days against 180), no NPS 80,
                // momentum flat at nothing 50: (330 + 330 + 165 + 1000 + 1200 + 1000 + 500 + 500) / 100 = 50.25
                arguments("a key account untouched for 300 days", AccountHistory.opened(KEY, day(0)), day(300), 50, WATCH),
                // as above with an unanswered complaint, voice 80 - 30: 45.75
                arguments("the same, with an unanswered complaint",
                        AccountHistory.opened(KEY, day(0))
                                .feedback(null, "Invoices arrive late", day(100)), day(300), 46, AT_RISK),
                // everything 0 but three unanswered attempts (40, weight 5): 2
                arguments("a key account slipping away", AccountHistory.opened(KEY, day(0))
                        .need("currency", day(100)).connected(day(250)).connected(day(300))
                        .feedback(2, "Invoices arrive late", day(320))
                        .competitor("Globex", day(330)).competitor("Globex", day(340)).competitor("Initech", day(350))
                        .voicemail(day(350)).voicemail(day(360)).voicemail(day(370)), day(400), 2, CRITICAL),
                // face time and executive touch weigh nothing; re-pitch 94 (190 days against 180), no NPS 80:
                // (2500 + 470 + 1000 + 1200 + 1000 + 1000 + 500) / 80 = 95.875
                arguments("a core account called 89 days ago", AccountHistory.opened(CORE, day(0)).connected(day(101)),
                        day(190), 96, HEALTHY));
    }

    @ParameterizedTest(name = "{0}: {3}, {4}")
    @MethodSource
    void accountsInEveryBand(String account, AccountHistory history, Instant asOf, int score, HealthBand band) {
        Assessment assessment = history.assessedAt(asOf);

        assertThat(assessment.score()).isEqualTo(score);
        assertThat(assessment.band()).isEqualTo(band);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accountsInEveryBand")
    void theScoreIsTheWeightedAverageOfTheFactors(String account, AccountHistory history, Instant asOf) {
        Assessment assessment = history.assessedAt(asOf);

        double weighted = assessment.factors().stream().mapToDouble(factor -> factor.score() * factor.weight()).sum();
        int weights = assessment.factors().stream().mapToInt(FactorScore::weight).sum();
        assertThat(assessment.score()).isEqualTo((int) Math.round(weighted / weights));
        assertThat(assessment.band()).isEqualTo(HealthModel.band(assessment.score(), HealthPolicy.defaults()));
    }

    @Test
    void everyAssessmentHasAllNineFactorsInOrder() {
        assertThat(AccountHistory.opened(CORE, day(0)).assessedAt(day(10)).factors())
                .extracting(FactorScore::factor)
                .containsExactly(Factor.values());
    }

    static Stream<Arguments> theDefaultWeights() {
        return Stream.of(
                arguments(CONTACT_RECENCY, 25),
                arguments(FACE_TIME, 10),
                arguments(EXECUTIVE_TOUCH, 10),
                arguments(RE_PITCH, 5),
                arguments(UNMET_NEEDS, 10),
                arguments(VOICE_OF_CLIENT, 15),
                arguments(COMPETITOR_PRESSURE, 10),
                arguments(MOMENTUM, 10),
                arguments(UNANSWERED_ATTEMPTS, 5));
    }

    @ParameterizedTest(name = "{0} weighs {1}")
    @MethodSource
    void theDefaultWeights(Factor factor, int weight) {
        assertThat(AccountHistory.opened(STRATEGIC, day(0)).factorAt(factor, day(10)).weight()).isEqualTo(weight);
    }

    @Test
    void everyFactorWeighsWhatThePolicySaysUnlessNothingIsExpectedOfTheTier() {
        Policy oneToNine = Policy.defaults();
        Arrays.stream(Factor.values()).forEach(factor -> oneToNine.weight(factor, factor.ordinal() + 1));
        HealthPolicy policy = oneToNine.build();

        assertThat(AccountHistory.opened(KEY, day(0)).assessedAt(day(10), policy).factors())
                .extracting(FactorScore::weight)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(AccountHistory.opened(CORE, day(0)).assessedAt(day(10), policy).factors())
                .extracting(FactorScore::weight)
                .containsExactly(1, 0, 0, 4, 5, 6, 7, 8, 9);
    }

    static Stream<Arguments> aPolicyThatWeighsOneFactorScoresThatFactor() {
        // a key account untouched for 300 days, with an unanswered complaint
        return Stream.of(
                arguments(CONTACT_RECENCY, 0),
                arguments(FACE_TIME, 33),
                arguments(EXECUTIVE_TOUCH, 33),
                arguments(RE_PITCH, 33),
                arguments(UNMET_NEEDS, 100),
                arguments(VOICE_OF_CLIENT, 50),
                arguments(COMPETITOR_PRESSURE, 100),
                arguments(MOMENTUM, 50),
                arguments(UNANSWERED_ATTEMPTS, 100));
    }

    @ParameterizedTest(name = "only {0}: {1}")
    @MethodSource
    void aPolicyThatWeighsOneFactorScoresThatFactor(Factor factor, int score) {
        HealthPolicy onlyThis = Policy.defaults().weights(0).weight(factor, 3).build();

        Assessment assessment = AccountHistory.opened(KEY, day(0)).feedback(null, "Invoices arrive late", day(100))
                .assessedAt(day(300), onlyThis);

        assertThat(assessment.score()).isEqualTo(score);
    }

    @ParameterizedTest
    @EnumSource(value = Factor.class, names = {"FACE_TIME", "EXECUTIVE_TOUCH"})
    void whatIsNotExpectedOfTheTierDoesNotDiluteTheScore(Factor notExpected) {
        Assessment core = AccountHistory.opened(CORE, day(0)).assessedAt(day(400));

        assertThat(AccountHistory.factor(core, notExpected)).extracting(FactorScore::score, FactorScore::weight)
                .containsExactly(100, 0);
        // recency 0 (25), re-pitch 0 (5), needs 100 (10), no NPS 80 (15), competitors 100 (10), flat momentum 50 (10),
        // attempts 100 (5): 4200 / 80 = 52.5; were face time and executive touch counted as met, it would be 62
        assertThat(core.score()).isEqualTo(53);
    }

    /** A key account called by an executive, pitched face to face and rated 9 on day 10: only recency can slip. */
    private static AccountHistory wellStarted() {
        return AccountHistory.opened(KEY, day(0)).contact(CONNECTED, CALL, EXECUTIVE, day(10)).pitch(true, day(10))
                .feedback(9, null, day(10));
    }
}
