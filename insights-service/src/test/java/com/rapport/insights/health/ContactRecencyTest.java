package com.rapport.insights.health;

import com.rapport.events.account.Tier;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.StaffRole;
import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.LONG_TAIL;
import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.Factor.CONTACT_RECENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Contact recency: days since the last CONNECTED contact against the account's cadence; 100 up to it, 0 at twice it. */
class ContactRecencyTest {

    static Stream<Arguments> daysSinceContactAgainstTheTiersCadence() {
        return Stream.of(
                // tier, days since the last connected contact, sub-score
                arguments(KEY, 0, 100),
                arguments(KEY, 30, 100),
                arguments(KEY, 31, 97),
                arguments(KEY, 45, 50),
                arguments(KEY, 59, 3),
                arguments(KEY, 60, 0),
                arguments(KEY, 63, 0),
                arguments(KEY, 400, 0),
                arguments(STRATEGIC, 7, 100),
                arguments(STRATEGIC, 8, 86),
                arguments(STRATEGIC, 14, 0),
                arguments(CORE, 90, 100),
                arguments(CORE, 91, 99),
                arguments(CORE, 135, 50),
                arguments(CORE, 180, 0),
                arguments(LONG_TAIL, 180, 100),
                arguments(LONG_TAIL, 181, 99),
                arguments(LONG_TAIL, 270, 50),
                arguments(LONG_TAIL, 360, 0));
    }

    @ParameterizedTest(name = "{0}: {1} days since contact scores {2}")
    @MethodSource
    void daysSinceContactAgainstTheTiersCadence(Tier tier, int days, int score) {
        FactorScore recency = AccountHistory.opened(tier, day(0)).connected(day(10))
                .factorAt(CONTACT_RECENCY, day(10 + days));

        assertThat(recency.score()).isEqualTo(score);
    }

    @Test
    void onlyWholeDaysCount() {
        FactorScore recency = AccountHistory.opened(KEY, day(0)).connected(day(10))
                .factorAt(CONTACT_RECENCY, day(40).plus(Duration.ofHours(23)));

        assertThat(recency.score()).isEqualTo(100);
        assertThat(recency.reason()).isEqualTo("Last two-way contact 30 days ago; cadence is 30");
    }

    static Stream<Arguments> theReasonSaysHowLongAndWhatTheCadenceIs() {
        return Stream.of(
                arguments(0, "Last two-way contact today; cadence is 30"),
                arguments(1, "Last two-way contact yesterday; cadence is 30"),
                arguments(30, "Last two-way contact 30 days ago; cadence is 30"),
                arguments(31, "No two-way contact in 31 days; cadence is 30"),
                arguments(63, "No two-way contact in 63 days; cadence is 30"));
    }

    @ParameterizedTest(name = "{0} days: \"{1}\"")
    @MethodSource
    void theReasonSaysHowLongAndWhatTheCadenceIs(int days, String reason) {
        FactorScore recency = AccountHistory.opened(KEY, day(0)).connected(day(10))
                .factorAt(CONTACT_RECENCY, day(10 + days));

        assertThat(recency.reason()).isEqualTo(reason);
    }

    @Test
    void withoutAnyContactItCountsFromTheOpening() {
        FactorScore recency = AccountHistory.opened(KEY, day(0)).factorAt(CONTACT_RECENCY, day(40));

        assertThat(recency.score()).isEqualTo(67);
        assertThat(recency.reason()).isEqualTo("No two-way contact since the account was opened 40 days ago; cadence is 30");
    }

    static Stream<Arguments> onlyAConnectedContactIsContact() {
        return Stream.of(
                // outcome and channel of a contact on day 30, days since contact on day 45
                arguments(ContactOutcome.CONNECTED, Channel.CALL, 15),
                arguments(ContactOutcome.CONNECTED, Channel.EMAIL, 15),
                arguments(ContactOutcome.CONNECTED, Channel.VIDEO, 15),
                arguments(ContactOutcome.CONNECTED, Channel.MEETING, 15),
                arguments(ContactOutcome.VOICEMAIL, Channel.CALL, 45),
                arguments(ContactOutcome.NO_ANSWER, Channel.CALL, 45),
                arguments(ContactOutcome.NO_ANSWER, Channel.SITE_VISIT, 45));
    }

    @ParameterizedTest(name = "{0} {1}: {2} days since contact")
    @MethodSource
    void onlyAConnectedContactIsContact(ContactOutcome outcome, Channel channel, long daysSinceContact) {
        Assessment assessment = AccountHistory.opened(KEY, day(0))
                .contact(outcome, channel, StaffRole.ACCOUNT_MANAGER, day(30))
                .assessedAt(day(45));

        assertThat(assessment.daysSinceContact()).isEqualTo(daysSinceContact);
    }

    @Test
    void attemptsAfterTheLastConnectDoNotRenewIt() {
        FactorScore recency = AccountHistory.opened(KEY, day(0)).connected(day(10)).voicemail(day(60)).noAnswer(day(70))
                .factorAt(CONTACT_RECENCY, day(73));

        assertThat(recency.reason()).isEqualTo("No two-way contact in 63 days; cadence is 30");
    }

    static Stream<Arguments> theAccountsOwnCadenceOverridesTheTiers() {
        return Stream.of(
                // days since contact, sub-score, under a cadence of 14 agreed with a KEY account
                arguments(14, 100, "Last two-way contact 14 days ago; cadence is 14"),
                arguments(21, 50, "No two-way contact in 21 days; cadence is 14"),
                arguments(28, 0, "No two-way contact in 28 days; cadence is 14"));
    }

    @ParameterizedTest(name = "{0} days against an agreed 14: {1}")
    @MethodSource
    void theAccountsOwnCadenceOverridesTheTiers(int days, int score, String reason) {
        Assessment assessment = AccountHistory.opened(KEY, 14, day(0)).connected(day(10)).assessedAt(day(10 + days));

        assertThat(assessment.cadenceDays()).isEqualTo(14);
        assertThat(AccountHistory.factor(assessment, CONTACT_RECENCY))
                .extracting(FactorScore::score, FactorScore::reason)
                .containsExactly(score, reason);
    }

    static Stream<Arguments> theCadenceFollowsTheProfile() {
        return Stream.of(
                arguments("the tier's", AccountHistory.opened(KEY, day(0)), 30),
                arguments("a new tier's", AccountHistory.opened(KEY, day(0)).retiered(STRATEGIC, day(5)), 7),
                arguments("one agreed later", AccountHistory.opened(KEY, day(0)).cadenceAgreed(60, day(5)), 60),
                arguments("the agreed one over a new tier's", AccountHistory.opened(KEY, 14, day(0))
                        .retiered(CORE, day(5)), 14),
                arguments("the latest agreed", AccountHistory.opened(KEY, 14, day(0)).cadenceAgreed(21, day(5)), 21),
                arguments("not yet one agreed after asOf", AccountHistory.opened(KEY, day(0))
                        .cadenceAgreed(60, day(50)), 30));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource
    void theCadenceFollowsTheProfile(String which, AccountHistory history, int cadence) {
        assertThat(history.assessedAt(day(20)).cadenceDays()).isEqualTo(cadence);
    }

    @Test
    void weighsWhatThePolicySays() {
        AccountHistory history = AccountHistory.opened(CORE, day(0));

        assertThat(history.factorAt(CONTACT_RECENCY, day(10)).weight()).isEqualTo(25);
        assertThat(history.factorAt(CONTACT_RECENCY, day(10), Policy.defaults().weight(CONTACT_RECENCY, 40).build()).weight())
                .isEqualTo(40);
    }
}
