package com.rapport.insights.health;

import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.outreach.Channel.MEETING;
import static com.rapport.events.outreach.ContactOutcome.CONNECTED;
import static com.rapport.events.outreach.StaffRole.SUPPORT;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.Factor.VOICE_OF_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Voice of the client: the latest NPS (promoter 100, passive 70, detractor 0-30, none on record 80)
 * less 30 while a complaint (what we do wrong) has had no connected contact since.
 * Day 10 is 16 Jan 2025.
 */
class VoiceOfClientTest {

    private static final String COMPLAINT = "Invoices arrive late";

    static Stream<Arguments> theLatestNps() {
        return Stream.of(
                arguments(10, 100, "promoter"),
                arguments(9, 100, "promoter"),
                arguments(8, 70, "passive"),
                arguments(7, 70, "passive"),
                arguments(6, 30, "detractor"),
                arguments(3, 15, "detractor"),
                arguments(0, 0, "detractor"));
    }

    @ParameterizedTest(name = "NPS {0}: {1} ({2})")
    @MethodSource
    void theLatestNps(int nps, int score, String kind) {
        FactorScore voice = AccountHistory.opened(KEY, day(0)).feedback(nps, null, day(10))
                .factorAt(VOICE_OF_CLIENT, day(20));

        assertThat(voice.score()).isEqualTo(score);
        assertThat(voice.reason()).isEqualTo("Latest NPS " + nps + " (" + kind + ") on 16 Jan 2025; no complaint unanswered");
    }

    @Test
    void withoutAnNpsOnRecord() {
        assertThat(AccountHistory.opened(KEY, day(0)).factorAt(VOICE_OF_CLIENT, day(20)))
                .isEqualTo(new FactorScore(VOICE_OF_CLIENT, 80, 15, "No NPS on record"));
    }

    static Stream<Arguments> onlyTheLatestNpsCounts() {
        return Stream.of(
                arguments("a detractor who became a promoter", feedback(3, 9), 100),
                arguments("a promoter who became a detractor", feedback(9, 3), 15),
                arguments("a promoter who later gave feedback without a score", feedback(9, null), 100));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource
    void onlyTheLatestNpsCounts(String who, UnaryOperator<AccountHistory> feedback, int score) {
        assertThat(AccountHistory.opened(KEY, day(0)).then(feedback).factorAt(VOICE_OF_CLIENT, day(30)).score())
                .isEqualTo(score);
    }

    static Stream<Arguments> anUnansweredComplaintCosts30() {
        return Stream.of(
                arguments(9, 70, "Latest NPS 9 (promoter) on 16 Jan 2025; the complaint of 16 Jan 2025 is unanswered: \u201c"
                        + COMPLAINT + "\u201d"),
                arguments(8, 40, "Latest NPS 8 (passive) on 16 Jan 2025; the complaint of 16 Jan 2025 is unanswered: \u201c"
                        + COMPLAINT + "\u201d"),
                arguments(2, 0, "Latest NPS 2 (detractor) on 16 Jan 2025; the complaint of 16 Jan 2025 is unanswered: \u201c"
                        + COMPLAINT + "\u201d"),
                arguments(null, 50, "No NPS on record; the complaint of 16 Jan 2025 is unanswered: \u201c" + COMPLAINT + "\u201d"));
    }

    @ParameterizedTest(name = "NPS {0} with a complaint: {1}")
    @MethodSource
    void anUnansweredComplaintCosts30(Integer nps, int score, String reason) {
        FactorScore voice = AccountHistory.opened(KEY, day(0)).feedback(nps, COMPLAINT, day(10))
                .factorAt(VOICE_OF_CLIENT, day(30));

        assertThat(voice).extracting(FactorScore::score, FactorScore::reason).containsExactly(score, reason);
    }

    static Stream<Arguments> aLaterConnectedContactAnswersTheComplaint() {
        return Stream.of(
                // after a promoter's complaint on day 10, assessed on day 30: answered?
                arguments("a call that connected on day 20", step(h -> h.connected(day(20))), true),
                arguments("support meeting them on day 11", step(h -> h.contact(CONNECTED, MEETING, SUPPORT, day(11))), true),
                arguments("a voicemail", step(h -> h.voicemail(day(20))), false),
                arguments("an unanswered call", step(h -> h.noAnswer(day(20))), false),
                arguments("a call at the very moment of the complaint", step(h -> h.connected(day(10))), false),
                arguments("a call before the complaint", step(h -> h.connected(day(5))), false),
                arguments("a call after asOf", step(h -> h.connected(day(31))), false),
                arguments("a pitch", step(h -> h.pitch(true, day(20))), false));
    }

    @ParameterizedTest(name = "{0}: answered {2}")
    @MethodSource
    void aLaterConnectedContactAnswersTheComplaint(String what, UnaryOperator<AccountHistory> then, boolean answered) {
        FactorScore voice = AccountHistory.opened(KEY, day(0)).feedback(9, COMPLAINT, day(10)).then(then)
                .factorAt(VOICE_OF_CLIENT, day(30));

        if (answered) {
            assertThat(voice.score()).isEqualTo(100);
            assertThat(voice.reason()).isEqualTo("Latest NPS 9 (promoter) on 16 Jan 2025; no complaint unanswered");
        } else {
            assertThat(voice.score()).isEqualTo(70);
            assertThat(voice.reason()).contains("the complaint of 16 Jan 2025 is unanswered");
        }
    }

    @Test
    void aNewComplaintAfterAnAnsweredOneIsUnansweredAgain() {
        FactorScore voice = AccountHistory.opened(KEY, day(0)).feedback(9, COMPLAINT, day(10)).connected(day(20))
                .feedback(null, "Nobody calls back", day(25))
                .factorAt(VOICE_OF_CLIENT, day(30));

        assertThat(voice.score()).isEqualTo(70);
        assertThat(voice.reason()).isEqualTo(
                "Latest NPS 9 (promoter) on 16 Jan 2025; the complaint of 31 Jan 2025 is unanswered: \u201cNobody calls back\u201d");
    }

    @Test
    void feedbackThatNamesNothingWrongIsNoComplaint() {
        FactorScore voice = AccountHistory.opened(KEY, day(0)).feedback(9, "   ", day(10))
                .factorAt(VOICE_OF_CLIENT, day(30));

        assertThat(voice.score()).isEqualTo(100);
    }

    @Test
    void weighsWhatThePolicySays() {
        AccountHistory history = AccountHistory.opened(KEY, day(0));

        assertThat(history.factorAt(VOICE_OF_CLIENT, day(10)).weight()).isEqualTo(15);
        assertThat(history.factorAt(VOICE_OF_CLIENT, day(10), Policy.defaults().weight(VOICE_OF_CLIENT, 30).build())
                .weight()).isEqualTo(30);
    }

    private static UnaryOperator<AccountHistory> feedback(Integer first, Integer then) {
        return history -> history.feedback(first, null, day(10)).feedback(then, null, day(20));
    }

    private static UnaryOperator<AccountHistory> step(UnaryOperator<AccountHistory> step) {
        return step;
    }
}
