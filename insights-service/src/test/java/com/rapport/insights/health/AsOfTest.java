package com.rapport.insights.health;

import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.insights.AccountHistory.DAY_0;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.Factor.COMPETITOR_PRESSURE;
import static com.rapport.insights.health.Factor.RE_PITCH;
import static com.rapport.insights.health.Factor.UNANSWERED_ATTEMPTS;
import static com.rapport.insights.health.Factor.UNMET_NEEDS;
import static com.rapport.insights.health.Factor.VOICE_OF_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Health at any moment: only what happened up to {@code asOf} counts, judged by when it happened
 * (occurredAt), not by when it was recorded. The model reads the history in the order things
 * happened; {@code AccountHistories} hands it over ordered by occurredAt.
 */
class AsOfTest {

    /** A key account that was called, then went quiet, then left. */
    private static AccountHistory slippingAway() {
        return AccountHistory.opened(KEY, day(0)).connected(day(10)).need("currency", day(20))
                .competitor("Globex", day(50))
                .voicemail(day(55)).voicemail(day(56)).noAnswer(day(57)).lost(day(60));
    }

    static Stream<Arguments> theSameHistoryAtDifferentMoments() {
        return Stream.of(
                // asOf, lost, days since contact, neglected, unmet needs, competitor pressure, unanswered attempts
                arguments(10, false, 0, false, 100, 100, 100),
                arguments(40, false, 30, false, 100, 100, 100),
                arguments(58, false, 48, true, 70, 60, 40),
                arguments(70, true, 60, false, 70, 60, 40),
                arguments(141, true, 131, false, 40, 100, 40));
    }

    @ParameterizedTest(name = "day {0}: lost {1}, {2} days since contact, neglected {3}")
    @MethodSource
    void theSameHistoryAtDifferentMoments(int asOf, boolean lost, long daysSinceContact, boolean neglected,
                                          int needs, int competitors, int attempts) {
        Assessment assessment = slippingAway().assessedAt(day(asOf));

        assertThat(assessment.asOf()).isEqualTo(day(asOf));
        assertThat(assessment.lost()).isEqualTo(lost);
        assertThat(assessment.daysSinceContact()).isEqualTo(daysSinceContact);
        assertThat(assessment.neglected()).isEqualTo(neglected);
        assertThat(AccountHistory.factor(assessment, UNMET_NEEDS).score()).isEqualTo(needs);
        assertThat(AccountHistory.factor(assessment, COMPETITOR_PRESSURE).score()).isEqualTo(competitors);
        assertThat(AccountHistory.factor(assessment, UNANSWERED_ATTEMPTS).score()).isEqualTo(attempts);
    }

    @Test
    void anEventAtAsOfCountsAndOneAMomentLaterDoesNot() {
        AccountHistory history = AccountHistory.opened(KEY, day(0)).connected(day(10)).connected(day(40));

        assertThat(history.assessedAt(day(40)).daysSinceContact()).isZero();
        assertThat(history.assessedAt(day(40).minusSeconds(1)).daysSinceContact()).isEqualTo(29);
    }

    static Stream<Arguments> anAccountNotYetOpenedHasNoHealth() {
        return Stream.of(
                arguments(DAY_0.minus(Duration.ofDays(365)), false),
                arguments(DAY_0.minusSeconds(1), false),
                arguments(DAY_0, true),
                arguments(DAY_0.plusSeconds(1), true));
    }

    @ParameterizedTest(name = "asOf {0}: assessed {1}")
    @MethodSource
    void anAccountNotYetOpenedHasNoHealth(Instant asOf, boolean assessed) {
        assertThat(AccountHistory.opened(KEY, DAY_0).connected(day(10)).assessment(asOf, HealthPolicy.defaults())
                .isPresent())
                .isEqualTo(assessed);
    }

    @Test
    void anEmptyHistoryHasNoHealth() {
        assertThat(HealthModel.assess(List.of(), day(10), HealthPolicy.defaults())).isEmpty();
    }

    @Test
    void theAccountIsDescribedAsItStoodAtAsOf() {
        AccountHistory history = AccountHistory.opened(KEY, day(0)).retiered(CORE, day(100));

        Assessment before = history.assessedAt(day(50));
        Assessment after = history.assessedAt(day(150));

        assertThat(before).extracting(Assessment::accountId, Assessment::name, Assessment::ownerId, Assessment::tier,
                        Assessment::cadenceDays)
                .containsExactly(AccountHistory.ACME_ID, "Acme Corp", "alice", KEY, 30);
        assertThat(after).extracting(Assessment::tier, Assessment::cadenceDays).containsExactly(CORE, 90);
    }

    @Test
    void aBackdatedEventCountsFromWhenItHappened() {
        // imported long after the fact: a contact on day 10, a pitch on day 20, feedback on day 30
        AccountHistory imported = AccountHistory.opened(KEY, day(0)).connected(day(10)).pitch(false, day(20))
                .feedback(3, null, day(30));

        Assessment assessment = imported.assessedAt(day(73));

        assertThat(AccountHistory.factor(assessment, Factor.CONTACT_RECENCY).reason())
                .isEqualTo("No two-way contact in 63 days; cadence is 30");
        assertThat(AccountHistory.factor(assessment, RE_PITCH).reason())
                .isEqualTo("Pitched 53 days ago; re-pitch every 180 days");
        assertThat(AccountHistory.factor(assessment, VOICE_OF_CLIENT).reason())
                .startsWith("Latest NPS 3 (detractor) on 5 Feb 2025");
    }

    static Stream<Integer> anImportedHistoryIsJudgedAsOneRecordedLive() {
        return Stream.of(5, 25, 45, 65, 95, 130, 200);
    }

    @ParameterizedTest(name = "day {0}")
    @MethodSource
    void anImportedHistoryIsJudgedAsOneRecordedLive(int asOf) {
        AccountHistory live = AccountHistory.opened(KEY, day(0)).voicemail(day(10)).connected(day(20))
                .feedback(6, "Invoices arrive late", day(30))
                .need("currency", day(40)).pitch(true, day(50)).voicemail(day(60)).competitor("Globex", day(70))
                .connected(day(80)).needAddressed("currency", day(90)).feedback(9, null, day(120));
        // the same events, entered from the client's file in whatever order its pages came in
        AccountHistory imported = AccountHistory.opened(KEY, day(0)).connected(day(80)).feedback(9, null, day(120))
                .need("currency", day(40)).needAddressed("currency", day(90)).voicemail(day(60)).pitch(true, day(50))
                .competitor("Globex", day(70)).feedback(6, "Invoices arrive late", day(30)).connected(day(20)).voicemail(day(10));

        Assessment judged = imported.assessedAt(day(asOf));

        assertThat(judged).usingRecursiveComparison().isEqualTo(live.assessedAt(day(asOf)));
    }
}
