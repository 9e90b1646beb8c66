package com.rapport.insights.health;

import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.outreach.Channel.SITE_VISIT;
import static com.rapport.events.outreach.ContactOutcome.CONNECTED;
import static com.rapport.events.outreach.StaffRole.DELIVERY;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.Factor.UNANSWERED_ATTEMPTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Unanswered attempts: voicemails and no-answers since the last connect; from 3 on, reach them another way. */
class UnansweredAttemptsTest {

    static Stream<Arguments> fromThreeAttemptsOn() {
        return Stream.of(
                // voicemails since the last connect, sub-score
                arguments(3, 40),
                arguments(4, 20),
                arguments(5, 0),
                arguments(8, 0));
    }

    @ParameterizedTest(name = "{0} voicemails: {1}")
    @MethodSource
    void fromThreeAttemptsOn(int attempts, int score) {
        FactorScore unanswered = voicemails(attempts).factorAt(UNANSWERED_ATTEMPTS, day(100));

        assertThat(unanswered.score()).isEqualTo(score);
        assertThat(unanswered.reason()).isEqualTo(
                attempts + " voicemail or unanswered attempts since the last two-way contact: reach them another way");
    }

    static Stream<Arguments> theReasonCountsTheAttempts() {
        return Stream.of(
                arguments(0, "No unanswered attempts since the last two-way contact"),
                arguments(1, "1 voicemail or unanswered attempt since the last two-way contact"),
                arguments(2, "2 voicemail or unanswered attempts since the last two-way contact"),
                arguments(3, "3 voicemail or unanswered attempts since the last two-way contact: reach them another way"));
    }

    @ParameterizedTest(name = "{0} voicemails: \"{1}\"")
    @MethodSource
    void theReasonCountsTheAttempts(int attempts, String reason) {
        assertThat(voicemails(attempts).factorAt(UNANSWERED_ATTEMPTS, day(100)).reason()).isEqualTo(reason);
    }

    @Test
    void noAttemptsAreAsExpected() {
        assertThat(AccountHistory.opened(KEY, day(0)).connected(day(10)).factorAt(UNANSWERED_ATTEMPTS, day(100)))
                .isEqualTo(new FactorScore(UNANSWERED_ATTEMPTS, 100, 5, "No unanswered attempts since the last two-way contact"));
    }

    static Stream<Arguments> whatCountsAsAnAttemptSinceTheLastConnect() {
        return Stream.of(
                // what happened after a connect on day 10, attempts counted on day 100
                arguments("voicemails and no-answers alike", step(h -> h.voicemail(day(20)).noAnswer(day(30)).voicemail(day(40))), 3),
                arguments("attempts before any connect", step(h -> h.voicemail(day(5)).voicemail(day(6)).noAnswer(day(7))), 0),
                arguments("three attempts and then a connect", step(h -> h.voicemail(day(20)).voicemail(day(30))
                        .noAnswer(day(40)).connected(day(50))), 0),
                arguments("a connect by a site visit", step(h -> h.voicemail(day(20)).voicemail(day(30)).noAnswer(day(40))
                        .contact(CONNECTED, SITE_VISIT, DELIVERY, day(50))), 0),
                arguments("three attempts, a connect, three more", step(h -> h.voicemail(day(20)).voicemail(day(30))
                        .noAnswer(day(40)).connected(day(50)).noAnswer(day(60)).noAnswer(day(70)).voicemail(day(80))), 3),
                arguments("attempts after asOf", step(h -> h.voicemail(day(20)).voicemail(day(30)).noAnswer(day(40))
                        .voicemail(day(101)).voicemail(day(102))), 3));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource
    void whatCountsAsAnAttemptSinceTheLastConnect(String what, UnaryOperator<AccountHistory> then, int attempts) {
        FactorScore unanswered = AccountHistory.opened(KEY, day(0)).connected(day(10)).then(then)
                .factorAt(UNANSWERED_ATTEMPTS, day(100));

        assertThat(unanswered.reason()).startsWith(attempts == 0 ? "No unanswered attempts" : attempts + " voicemail");
    }

    @Test
    void weighsWhatThePolicySays() {
        AccountHistory history = AccountHistory.opened(KEY, day(0));

        assertThat(history.factorAt(UNANSWERED_ATTEMPTS, day(10)).weight()).isEqualTo(5);
        assertThat(history.factorAt(UNANSWERED_ATTEMPTS, day(10), Policy.defaults().weight(UNANSWERED_ATTEMPTS, 9).build())
                .weight()).isEqualTo(9);
    }

    private static AccountHistory voicemails(int attempts) {
        AccountHistory history = AccountHistory.opened(KEY, day(0)).connected(day(10));
        for (int i = 1; i <= attempts; i++) {
            history.voicemail(day(10 + i));
        }
        return history;
    }

    private static UnaryOperator<AccountHistory> step(UnaryOperator<AccountHistory> step) {
        return step;
    }
}
