package com.rapport.insights.needs;

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

import static com.rapport.insights.needs.History.day;
import static com.rapport.insights.needs.NeedStatus.ADDRESSED;
import static com.rapport.insights.needs.NeedStatus.DECLINED;
import static com.rapport.insights.needs.NeedStatus.LOST_TO_COMPETITOR;
import static com.rapport.insights.needs.NeedStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** An account's needs, as its history tells them: open, or ended one of three ways; aged to now or to their end. */
class UnmetNeedsTest {

    private static final Instant NOW = day(100);

    private static Need theOnlyNeed(History history, Instant now) {
        List<Need> needs = history.needsAsOf(now);
        assertThat(needs).hasSize(1);
        return needs.get(0);
    }

    static Stream<Arguments> statusesAndAges() {
        return Stream.of(
                // what became of the need raised on day 10; status, ended, age on day 100, competitor
                arguments("nothing yet", (UnaryOperator<History>) h -> h, OPEN, null, 90, null),
                arguments("addressed", (UnaryOperator<History>) h -> h.addressed("sso", day(40)), ADDRESSED, day(40), 30, null),
                arguments("declined", (UnaryOperator<History>) h -> h.declined("sso", day(11)), DECLINED, day(11), 1, null),
                arguments("lost to Globex", (UnaryOperator<History>) h -> h.lostTo("Globex", "sso", day(70)),
                        LOST_TO_COMPETITOR, day(70), 60, "Globex"),
                arguments("ended the day it was raised", (UnaryOperator<History>) h -> h.addressed("sso", day(10)),
                        ADDRESSED, day(10), 0, null),
                arguments("ended twice: the first end counts", (UnaryOperator<History>) h -> h.declined("sso", day(20))
                        .addressed("sso", day(30)), DECLINED, day(20), 10, null),
                arguments("another need ended", (UnaryOperator<History>) h -> h.addressed("reporting", day(20)),
                        OPEN, null, 90, null));
    }

    @ParameterizedTest(name = "{0}: {2}, ended {3}, {4} days old")
    @MethodSource
    void statusesAndAges(String story, UnaryOperator<History> ending, NeedStatus status, Instant endedAt, long ageDays,
                         String competitor) {
        History history = History.opened("Acme Corp", day(0)).need("sso", "security", day(10)).then(ending);

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
        assertThat(theOnlyNeed(History.opened("Acme Corp", day(0)).need("sso", "security", day(10)), now).ageDays())
                .isEqualTo(ageDays);
    }

    @Test
    void anEndedNeedNoLongerAges() {
        History history = History.opened("Acme Corp", day(0)).need("sso", "security", day(10)).addressed("sso", day(40));

        assertThat(theOnlyNeed(history, day(100)).ageDays()).isEqualTo(theOnlyNeed(history, day(1000)).ageDays())
                .isEqualTo(30);
    }

    @Test
    void theAccountIsNamedAsItIsNow() {
        History history = History.opened("Acme Corp", day(0)).need("sso", "security", day(10))
                .renamed("Acme Holdings", day(50)).ownedBy("bob", day(60));

        assertThat(theOnlyNeed(history, NOW)).extracting(Need::accountName, Need::ownerId, Need::accountStatus)
                .containsExactly("Acme Holdings", "bob", "ACTIVE");
    }

    static Stream<Arguments> lostAccountsKeepTheirNeeds() {
        return Stream.of(
                arguments("lost", (UnaryOperator<History>) h -> h.lost(day(50)), "LOST"),
                arguments("lost and won back", (UnaryOperator<History>) h -> h.lost(day(50)).wonBack(day(80)), "ACTIVE"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource
    void lostAccountsKeepTheirNeeds(String story, UnaryOperator<History> fate, String accountStatus) {
        History history = History.opened("Acme Corp", day(0)).need("sso", "security", day(10)).then(fate);

        assertThat(theOnlyNeed(history, NOW)).extracting(Need::status, Need::accountStatus)
                .containsExactly(OPEN, accountStatus);
    }

    @Test
    void anEndOfANeedNeverRaisedIsNoNeed() {
        History history = History.opened("Acme Corp", day(0)).addressed("sso", day(40));

        assertThat(history.needsAsOf(NOW)).isEmpty();
    }

    @Test
    void aHistoryHandedOverTwiceKeepsEachNeedOnceAndItsFirstEnd() {
        History history = History.opened("Acme Corp", day(0)).need("sso", "security", day(10))
                .need("reporting", "reporting", day(20)).lostTo("Globex", "sso", day(30)).renamed("Acme Holdings", day(40))
                .need("api", "integration", day(50)).declined("api", day(60));
        List<Need> once = history.needsAsOf(NOW);
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
