package com.rapport.insights.needs;

import com.rapport.insights.AccountHistory;
import com.rapport.insights.ReadModels;
import com.rapport.insights.account.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.rapport.events.account.LossReason.UNMET_NEED;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.needs.NeedStatus.ADDRESSED;
import static com.rapport.insights.needs.NeedStatus.DECLINED;
import static com.rapport.insights.needs.NeedStatus.LOST_TO_COMPETITOR;
import static com.rapport.insights.needs.NeedStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** An account's needs, as its history tells them: open, or ended one of three ways; aged to now or to their end. */
class UnmetNeedsTest {

    private static final Instant NOW = day(100);

    private static Need theOnlyNeed(AccountHistory history, Instant now) {
        List<Need> needs = NeedReports.needsOf(history, now);
        assertThat(needs).hasSize(1);
        return needs.get(0);
    }

    static Stream<Arguments> statusesAndAges() {
        return Stream.of(
                // what became of the need raised on day 10; status, ended, age on day 100, competitor
                arguments("nothing yet", (UnaryOperator<AccountHistory>) h -> h, OPEN, null, 90, null),
                arguments("addressed", (UnaryOperator<AccountHistory>) h -> h.needAddressed("sso", day(40)), ADDRESSED, day(40), 30, null),
                arguments("declined", (UnaryOperator<AccountHistory>) h -> h.needDeclined("sso", day(11)), DECLINED, day(11), 1, null),
                arguments("lost to Globex", (UnaryOperator<AccountHistory>) h -> h.needLostTo("sso", "Globex", day(70)),
                        LOST_TO_COMPETITOR, day(70), 60, "Globex"),
                arguments("ended the day it was raised", (UnaryOperator<AccountHistory>) h -> h.needAddressed("sso", day(10)),
                        ADDRESSED, day(10), 0, null),
                arguments("ended twice: the first end counts", (UnaryOperator<AccountHistory>) h -> h.needDeclined("sso", day(20))
                        .needAddressed("sso", day(30)), DECLINED, day(20), 10, null),
                arguments("another need ended", (UnaryOperator<AccountHistory>) h -> h.needAddressed("reporting", day(20)),
                        OPEN, null, 90, null));
    }

    @ParameterizedTest(name = "{0}: {2}, ended {3}, {4} days old")
    @MethodSource
    void statusesAndAges(String story, UnaryOperator<AccountHistory> ending, NeedStatus status, Instant endedAt, long ageDays,
                         String competitor) {
        AccountHistory history = AccountHistory.opened(KEY, day(0)).needIn("sso", "security", day(10)).then(ending);

        Need need = theOnlyNeed(history, NOW);

        assertThat(need).extracting(Need::needId, Need::accountId, Need::category, Need::description, Need::raisedAt)
                .containsExactly(history.needId("sso"), history.accountId(), "security", "The client needs sso", day(10));
        assertThat(need).extracting(Need::status, Need::endedAt, Need::ageDays, Need::competitor)
                .containsExactly(status, endedAt, ageDays, competitor);
    }

    static Stream<Arguments> anOpenNeedAgesInWholeDaysToNow() {
        return Stream.of(
                arguments(day(10), 0),
                arguments(day(11).minus(Duration.ofSeconds(1)), 0),
                arguments(day(11), 1),
                arguments(day(40).minus(Duration.ofHours(1)), 29),
                arguments(day(5), 0));
    }

    @ParameterizedTest(name = "now {0}: {1} days")
    @MethodSource
    void anOpenNeedAgesInWholeDaysToNow(Instant now, long ageDays) {
        assertThat(theOnlyNeed(AccountHistory.opened(KEY, day(0)).needIn("sso", "security", day(10)), now).ageDays())
                .isEqualTo(ageDays);
    }

    @Test
    void anEndedNeedNoLongerAges() {
        AccountHistory history = AccountHistory.opened(KEY, day(0)).needIn("sso", "security", day(10))
                .needAddressed("sso", day(40));

        assertThat(theOnlyNeed(history, day(100)).ageDays()).isEqualTo(theOnlyNeed(history, day(1000)).ageDays())
                .isEqualTo(30);
    }

    @Test
    void theAccountIsNamedAsItIsNow() {
        AccountHistory history = AccountHistory.opened(KEY, day(0)).needIn("sso", "security", day(10))
                .renamed("Acme Holdings", day(50)).ownedBy("bob", day(60));

        assertThat(theOnlyNeed(history, NOW)).extracting(Need::accountName, Need::ownerId, Need::accountStatus)
                .containsExactly("Acme Holdings", "bob", "ACTIVE");
    }

    static Stream<Arguments> lostAccountsKeepTheirNeeds() {
        return Stream.of(
                arguments("lost", (UnaryOperator<AccountHistory>) h -> h.lost(UNMET_NEED, null, day(50)), "LOST"),
                arguments("lost and won back", (UnaryOperator<AccountHistory>) h -> h.lost(UNMET_NEED, null, day(50))
                        .wonBack(day(80)), "ACTIVE"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource
    void lostAccountsKeepTheirNeeds(String story, UnaryOperator<AccountHistory> fate, String accountStatus) {
        AccountHistory history = AccountHistory.opened(KEY, day(0)).needIn("sso", "security", day(10)).then(fate);

        assertThat(theOnlyNeed(history, NOW)).extracting(Need::status, Need::accountStatus)
                .containsExactly(OPEN, accountStatus);
    }

    @Test
    void anEndOfANeedNeverRaisedIsNoNeed() {
        AccountHistory history = AccountHistory.opened(KEY, day(0)).needAddressed("sso", day(40));

        assertThat(NeedReports.needsOf(history, NOW)).isEmpty();
    }

    @Test
    void aHistoryHandedOverTwiceKeepsEachNeedOnceAndItsFirstEnd() {
        AccountHistory history = AccountHistory.opened(KEY, day(0)).needIn("sso", "security", day(10))
                .needIn("reporting", "reporting", day(20)).needLostTo("sso", "Globex", day(30))
                .renamed("Acme Holdings", day(40))
                .needIn("api", "integration", day(50)).needDeclined("api", day(60));
        List<Need> once = NeedReports.needsOf(history, NOW);
        JdbcClient jdbc = ReadModels.empty();
        NeedRows needs = new NeedRows(jdbc);
        ReadModels.saveAccount(jdbc, history.events(), NOW);
        needs.apply(Tables.LIVE, history.events());
        needs.apply(Tables.LIVE, history.events());

        List<Need> twice = new ArrayList<>();
        for (NeedStatus status : NeedStatus.values()) {
            twice.addAll(needs.report(status, 0, 50, NOW).items());
        }
        assertThat(twice).containsExactlyInAnyOrderElementsOf(once);
        assertThat(once).extracting(Need::status).containsExactlyInAnyOrder(LOST_TO_COMPETITOR, OPEN, DECLINED);
    }
}
