package com.rapport.insights.health;

import com.rapport.events.account.Tier;
import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.LONG_TAIL;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.health.Factor.RE_PITCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Re-pitch: every account, whatever its tier, is pitched as if it were a new prospect every 180 days. */
class RePitchTest {

    static Stream<Arguments> daysSinceTheLastPitch() {
        return Stream.of(KEY, LONG_TAIL).flatMap(tier -> Stream.of(
                // tier, days since the last pitch, sub-score, reason
                arguments(tier, 0, 100, "Pitched today; re-pitch every 180 days"),
                arguments(tier, 1, 100, "Pitched yesterday; re-pitch every 180 days"),
                arguments(tier, 180, 100, "Pitched 180 days ago; re-pitch every 180 days"),
                arguments(tier, 181, 99, "Not pitched in 181 days; re-pitch every 180"),
                arguments(tier, 270, 50, "Not pitched in 270 days; re-pitch every 180"),
                arguments(tier, 360, 0, "Not pitched in 360 days; re-pitch every 180")));
    }

    @ParameterizedTest(name = "{0}, {1} days: {2}, \"{3}\"")
    @MethodSource
    void daysSinceTheLastPitch(Tier tier, int days, int score, String reason) {
        FactorScore rePitch = AccountHistory.opened(tier, day(0)).pitch(false, day(10))
                .factorAt(RE_PITCH, day(10 + days));

        assertThat(rePitch).extracting(FactorScore::score, FactorScore::reason).containsExactly(score, reason);
    }

    @ParameterizedTest(name = "face to face: {0}")
    @ValueSource(booleans = {true, false})
    void anyPitchCounts(boolean faceToFace) {
        FactorScore rePitch = AccountHistory.opened(KEY, day(0)).pitch(faceToFace, day(100))
                .factorAt(RE_PITCH, day(200));

        assertThat(rePitch.reason()).isEqualTo("Pitched 100 days ago; re-pitch every 180 days");
    }

    @Test
    void theLatestPitchCounts() {
        FactorScore rePitch = AccountHistory.opened(KEY, day(0)).pitch(true, day(10)).pitch(false, day(150))
                .factorAt(RE_PITCH, day(200));

        assertThat(rePitch.reason()).isEqualTo("Pitched 50 days ago; re-pitch every 180 days");
    }

    @Test
    void aContactIsNoPitch() {
        FactorScore rePitch = AccountHistory.opened(KEY, day(0)).connected(day(190)).factorAt(RE_PITCH, day(200));

        assertThat(rePitch.score()).isEqualTo(89);
        assertThat(rePitch.reason()).isEqualTo("Not pitched in the 200 days since opening; re-pitch every 180 days");
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void weighsWhatThePolicySaysForEveryTier(Tier tier) {
        AccountHistory history = AccountHistory.opened(tier, day(0));

        assertThat(history.factorAt(RE_PITCH, day(10)).weight()).isEqualTo(5);
        assertThat(history.factorAt(RE_PITCH, day(10), Policy.defaults().weight(RE_PITCH, 12).build()).weight())
                .isEqualTo(12);
    }
}
