package com.rapport.insights.health;

import com.rapport.events.account.Tier;
import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.LONG_TAIL;
import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.events.insights.HealthBand.HEALTHY;
import static com.rapport.events.outreach.Channel.CALL;
import static com.rapport.events.outreach.ContactOutcome.CONNECTED;
import static com.rapport.events.outreach.StaffRole.EXECUTIVE;
import static com.rapport.insights.AccountHistory.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** An account is neglected after more than 1.5 times its cadence without a connected contact, unless it is lost. */
class NeglectTest {

    static Stream<Arguments> moreThanOneAndAHalfCadences() {
        return Stream.of(
                // tier, days since the last connected contact, neglected
                arguments(KEY, 44, false),
                arguments(KEY, 45, false),
                arguments(KEY, 46, true),
                arguments(STRATEGIC, 10, false),
                arguments(STRATEGIC, 11, true),
                arguments(CORE, 135, false),
                arguments(CORE, 136, true),
                arguments(LONG_TAIL, 270, false),
                arguments(LONG_TAIL, 271, true));
    }

    @ParameterizedTest(name = "{0}, {1} days: neglected {2}")
    @MethodSource
    void moreThanOneAndAHalfCadences(Tier tier, int days, boolean neglected) {
        Assessment assessment = AccountHistory.opened(tier, day(0)).connected(day(10)).assessedAt(day(10 + days));

        assertThat(assessment.neglected()).isEqualTo(neglected);
        assertThat(assessment.daysSinceContact()).isEqualTo(days);
    }

    static Stream<Arguments> againstTheAccountsOwnCadence() {
        return Stream.of(
                arguments(30, false),
                arguments(31, true));
    }

    @ParameterizedTest(name = "{0} days against an agreed 20: neglected {1}")
    @MethodSource
    void againstTheAccountsOwnCadence(int days, boolean neglected) {
        Assessment assessment = AccountHistory.opened(KEY, 20, day(0)).connected(day(10)).assessedAt(day(10 + days));

        assertThat(assessment.neglected()).isEqualTo(neglected);
        assertThat(assessment.cadenceDays()).isEqualTo(20);
    }

    static Stream<Arguments> withoutAnyContactItCountsFromTheOpening() {
        return Stream.of(
                arguments(0, false),
                arguments(45, false),
                arguments(46, true));
    }

    @ParameterizedTest(name = "{0} days after opening: neglected {1}")
    @MethodSource
    void withoutAnyContactItCountsFromTheOpening(int days, boolean neglected) {
        Assessment assessment = AccountHistory.opened(KEY, day(0)).assessedAt(day(days));

        assertThat(assessment.daysSinceContact()).isEqualTo(days);
        assertThat(assessment.neglected()).isEqualTo(neglected);
    }

    @Test
    void voicemailsAreNoContact() {
        Assessment assessment = AccountHistory.opened(KEY, day(0)).connected(day(10))
                .voicemail(day(40)).noAnswer(day(50)).voicemail(day(55))
                .assessedAt(day(56));

        assertThat(assessment.neglected()).isTrue();
        assertThat(assessment.daysSinceContact()).isEqualTo(46);
    }

    @Test
    void aConnectEndsTheNeglect() {
        AccountHistory history = AccountHistory.opened(KEY, day(0)).connected(day(10)).connected(day(60));

        assertThat(history.assessedAt(day(59)).neglected()).isTrue();
        assertThat(history.assessedAt(day(60)).neglected()).isFalse();
    }

    static Stream<Integer> neverForALostAccount() {
        return Stream.of(46, 190, 1000);
    }

    @ParameterizedTest(name = "lost, {0} days since contact: not neglected")
    @MethodSource
    void neverForALostAccount(int days) {
        Assessment assessment = AccountHistory.opened(KEY, day(0)).connected(day(10)).lost(day(20))
                .assessedAt(day(10 + days));

        assertThat(assessment.lost()).isTrue();
        assertThat(assessment.daysSinceContact()).isEqualTo(days);
        assertThat(assessment.neglected()).isFalse();
    }

    @Test
    void aWonBackAccountCanBeNeglectedAgain() {
        Assessment assessment = AccountHistory.opened(KEY, day(0)).connected(day(10)).lost(day(20)).wonBack(day(30))
                .assessedAt(day(200));

        assertThat(assessment.lost()).isFalse();
        assertThat(assessment.neglected()).isTrue();
    }

    @Test
    void aHealthyScoreDoesNotHideNeglect() {
        // called by an executive, pitched face to face and rated 9 on day 10, then 46 days of silence:
        // contact recency 47, everything else as expected
        Assessment assessment = AccountHistory.opened(KEY, day(0)).contact(CONNECTED, CALL, EXECUTIVE, day(10))
                .pitch(true, day(10)).feedback(9, null, day(10))
                .assessedAt(day(56));

        assertThat(assessment.score()).isEqualTo(87);

        assertThat(assessment.band()).isEqualTo(HEALTHY);
        assertThat(assessment.neglected()).isTrue();
    }
}
