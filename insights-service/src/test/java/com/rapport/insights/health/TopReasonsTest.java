package com.rapport.insights.health;

import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.outreach.Channel.MEETING;
import static com.rapport.events.outreach.ContactOutcome.CONNECTED;
import static com.rapport.events.outreach.StaffRole.EXECUTIVE;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.Factor.CONTACT_RECENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The reasons a leader reads first: the factors that cost the most points once weighted, worst first. */
class TopReasonsTest {

    private static final String RECENCY = "No two-way contact since the account was opened 300 days ago; cadence is 30";
    private static final String VOICE = "No NPS on record; the complaint of 16 Apr 2025 is unanswered: \u201cInvoices arrive late\u201d";
    private static final String FACE_TIME = "No face to face in the 300 days since opening; expected every 180 days";
    private static final String EXECUTIVE_TOUCH = "No executive contact in the 300 days since opening; expected every 180 days";
    private static final String MOMENTUM = "Flat at nothing: 0 two-way contacts in the last 90 days, 0 in the 90 before";
    private static final String RE_PITCH = "Not pitched in the 300 days since opening; re-pitch every 180 days";

    /**
     * A key account untouched for 300 days, with an unanswered complaint. What each factor costs,
     * (100 - score) x weight: recency 100 x 25, voice 50 x 15, face time and executive touch 67 x 10,
     * momentum 50 x 10, re-pitch 67 x 5; needs, competitors and attempts nothing.
     */
    private static Assessment neglected() {
        return AccountHistory.opened(KEY, day(0)).feedback(null, "Invoices arrive late", day(100)).assessedAt(day(300));
    }

    static Stream<Arguments> worstWeightedFirst() {
        return Stream.of(
                arguments(0, List.of()),
                arguments(1, List.of(RECENCY)),
                arguments(3, List.of(RECENCY, VOICE, FACE_TIME)),
                arguments(6, List.of(RECENCY, VOICE, FACE_TIME, EXECUTIVE_TOUCH, MOMENTUM, RE_PITCH)),
                arguments(9, List.of(RECENCY, VOICE, FACE_TIME, EXECUTIVE_TOUCH, MOMENTUM, RE_PITCH)));
    }

    @ParameterizedTest(name = "top {0}")
    @MethodSource
    void worstWeightedFirst(int count, List<String> reasons) {
        assertThat(neglected().topReasons(count)).containsExactlyElementsOf(reasons);
    }

    @Test
    void aHealthyAccountHasNothingToWorryAbout() {
        Assessment tended = AccountHistory.opened(KEY, day(0)).pitch(true, day(10)).feedback(10, null, day(10))
                .contact(CONNECTED, MEETING, EXECUTIVE, day(20))
                .assessedAt(day(30));

        assertThat(tended.score()).isEqualTo(100);
        assertThat(tended.topReasons(3)).isEmpty();
    }

    @Test
    void aFactorThatWeighsNothingIsNoReason() {
        Assessment assessment = AccountHistory.opened(KEY, day(0)).feedback(null, "Invoices arrive late", day(100))
                .assessedAt(day(300), Policy.defaults().weight(CONTACT_RECENCY, 0).build());

        assertThat(AccountHistory.factor(assessment, CONTACT_RECENCY).score()).isZero();
        assertThat(assessment.topReasons(9)).doesNotContain(RECENCY).startsWith(VOICE);
    }
}
