package com.rapport.insights.health;

import com.rapport.events.account.Tier;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.StaffRole;
import com.rapport.insights.AccountHistory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.LONG_TAIL;
import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.events.outreach.Channel.CALL;
import static com.rapport.events.outreach.Channel.EMAIL;
import static com.rapport.events.outreach.Channel.EVENT;
import static com.rapport.events.outreach.Channel.MEETING;
import static com.rapport.events.outreach.Channel.SITE_VISIT;
import static com.rapport.events.outreach.Channel.VIDEO;
import static com.rapport.events.outreach.ContactOutcome.CONNECTED;
import static com.rapport.events.outreach.ContactOutcome.NO_ANSWER;
import static com.rapport.events.outreach.ContactOutcome.VOICEMAIL;
import static com.rapport.events.outreach.StaffRole.ACCOUNT_MANAGER;
import static com.rapport.events.outreach.StaffRole.DELIVERY;
import static com.rapport.events.outreach.StaffRole.EXECUTIVE;
import static com.rapport.events.outreach.StaffRole.SALES;
import static com.rapport.events.outreach.StaffRole.SUPPORT;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.Factor.EXECUTIVE_TOUCH;
import static com.rapport.insights.health.Factor.FACE_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Face time (a face-to-face contact or pitch) and executive touch (a connected contact by an
 * executive): expected of STRATEGIC accounts every 90 days and of KEY accounts every 180, of the
 * other tiers not at all.
 */
class FaceTimeAndExecutiveTouchTest {

    /** The touch each factor is made of: a meeting, or an executive's call. */
    private static UnaryOperator<AccountHistory> touch(Factor factor, Instant at) {
        return factor == FACE_TIME
                ? history -> history.contact(CONNECTED, MEETING, ACCOUNT_MANAGER, at)
                : history -> history.contact(CONNECTED, CALL, EXECUTIVE, at);
    }

    static Stream<Arguments> daysSinceTheTouchAgainstTheTiersExpectation() {
        return Stream.of(FACE_TIME, EXECUTIVE_TOUCH).flatMap(factor -> Stream.of(
                // factor, tier, days since the touch, sub-score
                arguments(factor, KEY, 0, 100),
                arguments(factor, KEY, 180, 100),
                arguments(factor, KEY, 181, 99),
                arguments(factor, KEY, 270, 50),
                arguments(factor, KEY, 359, 1),
                arguments(factor, KEY, 360, 0),
                arguments(factor, STRATEGIC, 90, 100),
                arguments(factor, STRATEGIC, 91, 99),
                arguments(factor, STRATEGIC, 135, 50),
                arguments(factor, STRATEGIC, 180, 0)));
    }

    @ParameterizedTest(name = "{0} of a {1} account, {2} days on: {3}")
    @MethodSource
    void daysSinceTheTouchAgainstTheTiersExpectation(Factor factor, Tier tier, int days, int score) {
        FactorScore touched = AccountHistory.opened(tier, day(0)).then(touch(factor, day(10)))
                .factorAt(factor, day(10 + days));

        assertThat(touched.score()).isEqualTo(score);
    }

    static Stream<Arguments> whatCountsAsFaceToFace() {
        return Stream.of(
                arguments("a meeting", contact(CONNECTED, MEETING, ACCOUNT_MANAGER), true),
                arguments("a site visit", contact(CONNECTED, SITE_VISIT, ACCOUNT_MANAGER), true),
                arguments("an event", contact(CONNECTED, EVENT, SALES), true),
                arguments("a face-to-face pitch", pitch(true), true),
                arguments("a call", contact(CONNECTED, CALL, ACCOUNT_MANAGER), false),
                arguments("a video call", contact(CONNECTED, VIDEO, ACCOUNT_MANAGER), false),
                arguments("an email", contact(CONNECTED, EMAIL, ACCOUNT_MANAGER), false),
                arguments("a pitch by phone", pitch(false), false),
                arguments("a site visit nobody answered", contact(NO_ANSWER, SITE_VISIT, ACCOUNT_MANAGER), false),
                arguments("a meeting that was a voicemail", contact(VOICEMAIL, MEETING, ACCOUNT_MANAGER), false));
    }

    @ParameterizedTest(name = "{0} on day 100: face to face {2}")
    @MethodSource
    void whatCountsAsFaceToFace(String what, UnaryOperator<AccountHistory> onDay100, boolean counts) {
        FactorScore faceTime = AccountHistory.opened(KEY, day(0)).then(onDay100).factorAt(FACE_TIME, day(200));

        if (counts) {
            assertThat(faceTime.score()).isEqualTo(100);
            assertThat(faceTime.reason()).isEqualTo("Met face to face 100 days ago; expected every 180 days");
        } else {
            assertThat(faceTime.score()).isEqualTo(89);
            assertThat(faceTime.reason()).isEqualTo("No face to face in the 200 days since opening; expected every 180 days");
        }
    }

    static Stream<Arguments> whatCountsAsAnExecutiveTouch() {
        return Stream.of(
                arguments("an executive's call", contact(CONNECTED, CALL, EXECUTIVE), true),
                arguments("an executive's email", contact(CONNECTED, EMAIL, EXECUTIVE), true),
                arguments("an executive at a meeting", contact(CONNECTED, MEETING, EXECUTIVE), true),
                arguments("an executive's voicemail", contact(VOICEMAIL, CALL, EXECUTIVE), false),
                arguments("an executive's unanswered call", contact(NO_ANSWER, CALL, EXECUTIVE), false),
                arguments("an account manager's call", contact(CONNECTED, CALL, ACCOUNT_MANAGER), false),
                arguments("a salesperson's visit", contact(CONNECTED, SITE_VISIT, SALES), false),
                arguments("support's call", contact(CONNECTED, CALL, SUPPORT), false),
                arguments("delivery's meeting", contact(CONNECTED, MEETING, DELIVERY), false),
                arguments("a face-to-face pitch", pitch(true), false));
    }

    @ParameterizedTest(name = "{0} on day 100: executive touch {2}")
    @MethodSource
    void whatCountsAsAnExecutiveTouch(String what, UnaryOperator<AccountHistory> onDay100, boolean counts) {
        FactorScore executiveTouch = AccountHistory.opened(KEY, day(0)).then(onDay100)
                .factorAt(EXECUTIVE_TOUCH, day(200));

        if (counts) {
            assertThat(executiveTouch.score()).isEqualTo(100);
            assertThat(executiveTouch.reason())
                    .isEqualTo("An executive spoke with the client 100 days ago; expected every 180 days");
        } else {
            assertThat(executiveTouch.score()).isEqualTo(89);
            assertThat(executiveTouch.reason())
                    .isEqualTo("No executive contact in the 200 days since opening; expected every 180 days");
        }
    }

    static Stream<Arguments> theReasonSaysHowLongAndWhatIsExpected() {
        return Stream.of(
                arguments(FACE_TIME, KEY, 0, "Met face to face today; expected every 180 days"),
                arguments(FACE_TIME, STRATEGIC, 1, "Met face to face yesterday; expected every 90 days"),
                arguments(FACE_TIME, KEY, 200, "No face to face in 200 days; expected every 180"),
                arguments(FACE_TIME, STRATEGIC, 120, "No face to face in 120 days; expected every 90"),
                arguments(EXECUTIVE_TOUCH, KEY, 180, "An executive spoke with the client 180 days ago; expected every 180 days"),
                arguments(EXECUTIVE_TOUCH, KEY, 200, "No executive contact in 200 days; expected every 180"),
                arguments(EXECUTIVE_TOUCH, STRATEGIC, 91, "No executive contact in 91 days; expected every 90"));
    }

    @ParameterizedTest(name = "{0}, {1}, {2} days: \"{3}\"")
    @MethodSource
    void theReasonSaysHowLongAndWhatIsExpected(Factor factor, Tier tier, int days, String reason) {
        FactorScore touched = AccountHistory.opened(tier, day(0)).then(touch(factor, day(10)))
                .factorAt(factor, day(10 + days));

        assertThat(touched.reason()).isEqualTo(reason);
    }

    static Stream<Arguments> lowerTiersHaveNoSuchExpectation() {
        return Stream.of(
                arguments(FACE_TIME, CORE, "No face to face expected of core accounts"),
                arguments(FACE_TIME, LONG_TAIL, "No face to face expected of long tail accounts"),
                arguments(EXECUTIVE_TOUCH, CORE, "No executive contact expected of core accounts"),
                arguments(EXECUTIVE_TOUCH, LONG_TAIL, "No executive contact expected of long tail accounts"));
    }

    @ParameterizedTest(name = "{0} of a {1} account: \"{2}\"")
    @MethodSource
    void lowerTiersHaveNoSuchExpectation(Factor factor, Tier tier, String reason) {
        FactorScore untouchedForYears = AccountHistory.opened(tier, day(0)).factorAt(factor, day(1000));

        assertThat(untouchedForYears).isEqualTo(new FactorScore(factor, 100, 0, reason));
    }

    static Stream<Arguments> theExpectationFollowsTheTier() {
        return Stream.of(FACE_TIME, EXECUTIVE_TOUCH).flatMap(factor -> Stream.of(
                // factor, history never touched, sub-score and weight on day 300
                arguments(factor, "a KEY account", AccountHistory.opened(KEY, day(0)), 33, 10),
                arguments(factor, "a KEY account made CORE", AccountHistory.opened(KEY, day(0))
                        .retiered(CORE, day(5)), 100, 0),
                arguments(factor, "a CORE account made STRATEGIC on day 250",
                        AccountHistory.opened(CORE, day(0)).retiered(STRATEGIC, day(250)), 0, 10)));
    }

    @ParameterizedTest(name = "{0} of {1} on day 300: {3}, weighing {4}")
    @MethodSource
    void theExpectationFollowsTheTier(Factor factor, String account, AccountHistory history, int score, int weight) {
        assertThat(history.factorAt(factor, day(300)))
                .extracting(FactorScore::score, FactorScore::weight)
                .containsExactly(score, weight);
    }

    @ParameterizedTest
    @EnumSource(value = Factor.class, names = {"FACE_TIME", "EXECUTIVE_TOUCH"})
    void weighsWhatThePolicySaysWhereItIsExpected(Factor factor) {
        AccountHistory history = AccountHistory.opened(STRATEGIC, day(0));

        assertThat(history.factorAt(factor, day(10)).weight()).isEqualTo(10);
        assertThat(history.factorAt(factor, day(10), Policy.defaults().weight(factor, 3).build()).weight()).isEqualTo(3);
    }

    private static UnaryOperator<AccountHistory> contact(ContactOutcome outcome, Channel channel, StaffRole role) {
        return history -> history.contact(outcome, channel, role, day(100));
    }

    private static UnaryOperator<AccountHistory> pitch(boolean faceToFace) {
        return history -> history.pitch(faceToFace, day(100));
    }
}
