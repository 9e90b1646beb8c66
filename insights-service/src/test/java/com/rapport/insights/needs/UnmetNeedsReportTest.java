package com.rapport.insights.needs;

import com.rapport.insights.AccountHistory;
import com.rapport.insights.needs.UnmetNeedsReport.CategorySummary;
import com.rapport.insights.needs.UnmetNeedsReport.CompetitorSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static com.rapport.events.account.LossReason.UNMET_NEED;
import static com.rapport.events.account.Tier.KEY;
import static org.assertj.core.groups.Tuple.tuple;
import java.util.stream.Stream;

import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.needs.NeedStatus.ADDRESSED;
import static com.rapport.insights.needs.NeedStatus.DECLINED;
import static com.rapport.insights.needs.NeedStatus.LOST_TO_COMPETITOR;
import static com.rapport.insights.needs.NeedStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The needs of every account in one status, a page at a time, oldest first, with the summaries over all of them. */
class UnmetNeedsReportTest {

    private static final Instant NOW = day(200);

    /**
     * Three accounts, one of them lost: seven needs raised between day 10 and day 150, of which
     * three open (security 190 days, reporting 100 and 50), two lost to competitors, one
     * addressed, one declined.
     */
    private static List<AccountHistory> portfolio() {
        return Stream.of(
                        AccountHistory.opened(KEY, day(0))
                                .needIn("sso", "security", day(10))
                                .needIn("eu-hosting", "hosting", day(20)).needLostTo("eu-hosting", "Globex", day(60))
                                .needIn("reports", "reporting", day(100)),
                        AccountHistory.opened("Initech", KEY, day(0))
                                .needIn("api", "integration", day(30)).needAddressed("api", day(90))
                                .needIn("invoices", "reporting", day(150))
                                .needIn("audit-log", "security", day(40)).needLostTo("audit-log", "Globex", day(45)),
                        AccountHistory.opened("Umbrella", KEY, day(0))
                                .needIn("on-site", "support", day(50)).needDeclined("on-site", day(55))
                                .lost(UNMET_NEED, null, day(120)))
                .toList();
    }

    @Test
    void openNeedsOldestFirst() {
        UnmetNeedsReport report = NeedReports.report(portfolio(), OPEN, 0, 50, NOW);

        assertThat(report.items()).extracting(Need::accountName, Need::category, Need::ageDays)
                .containsExactly(
                        tuple("Acme Corp", "security", 190L),
                        tuple("Acme Corp", "reporting", 100L),
                        tuple("Initech", "reporting", 50L));
        assertThat(report).extracting(UnmetNeedsReport::page, UnmetNeedsReport::size, UnmetNeedsReport::total)
                .containsExactly(0, 50, 3L);
    }

    static Stream<Arguments> eachStatusOnItsOwn() {
        return Stream.of(
                // status, the needs in it, oldest first, with their ages (raised to ended)
                arguments(OPEN, List.of("sso", "reports", "invoices"), List.of(190L, 100L, 50L)),
                arguments(ADDRESSED, List.of("api"), List.of(60L)),
                arguments(DECLINED, List.of("on-site"), List.of(5L)),
                arguments(LOST_TO_COMPETITOR, List.of("eu-hosting", "audit-log"), List.of(40L, 5L)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void eachStatusOnItsOwn(NeedStatus status, List<String> needs, List<Long> ages) {
        UnmetNeedsReport report = NeedReports.report(portfolio(), status, 0, 50, NOW);

        assertThat(report.items()).extracting(need -> need.description().replace("The client needs ", ""))
                .containsExactlyElementsOf(needs);
        assertThat(report.items()).extracting(Need::ageDays).containsExactlyElementsOf(ages);
        assertThat(report.items()).allSatisfy(need -> assertThat(need.status()).isEqualTo(status));
        assertThat(report.total()).isEqualTo(needs.size());
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                // of seven needs raised on days 1..7: page, size; the days of the needs on it
                arguments(0, 3, List.of(1, 2, 3)),
                arguments(1, 3, List.of(4, 5, 6)),
                arguments(2, 3, List.of(7)),
                arguments(3, 3, List.of()),
                arguments(0, 500, List.of(1, 2, 3, 4, 5, 6, 7)),
                arguments(100_000, 500, List.of()));
    }

    @ParameterizedTest(name = "page {0} of size {1}: {2}")
    @MethodSource
    void pages(int page, int size, List<Integer> raisedOn) {
        AccountHistory history = AccountHistory.opened(KEY, day(0));
        for (int n = 7; n >= 1; n--) {
            history.needIn("need " + n, "reporting", day(n));
        }

        UnmetNeedsReport report = NeedReports.report(List.of(history), OPEN, page, size, NOW);

        assertThat(report.items()).extracting(Need::raisedAt)
                .containsExactlyElementsOf(raisedOn.stream().map(AccountHistory::day).toList());
        assertThat(report).extracting(UnmetNeedsReport::page, UnmetNeedsReport::size, UnmetNeedsReport::total)
                .containsExactly(page, size, 7L);
    }

    @ParameterizedTest
    @EnumSource(NeedStatus.class)
    void theSummariesCoverEveryNeedWhateverTheStatusAskedFor(NeedStatus status) {
        UnmetNeedsReport report = NeedReports.report(portfolio(), status, 0, 1, NOW);

        assertThat(report.byCategory()).containsExactly(
                new CategorySummary("reporting", 2, 100),
                new CategorySummary("security", 1, 190));
        assertThat(report.lostToCompetitors()).containsExactly(new CompetitorSummary("Globex", 2));
    }

    @Test
    void competitorsTheMostNeedsLostFirst() {
        AccountHistory history = AccountHistory.opened(KEY, day(0))
                .needIn("a", "hosting", day(1)).needLostTo("a", "Initech", day(2))
                .needIn("b", "hosting", day(1)).needLostTo("b", "Hooli", day(2))
                .needIn("c", "hosting", day(1)).needLostTo("c", "Hooli", day(2))
                .needIn("d", "hosting", day(1)).needLostTo("d", "Globex", day(2));

        UnmetNeedsReport report = NeedReports.report(List.of(history), OPEN, 0, 50, NOW);

        assertThat(report.lostToCompetitors()).containsExactly(new CompetitorSummary("Hooli", 2),
                new CompetitorSummary("Globex", 1), new CompetitorSummary("Initech", 1));
        assertThat(report.byCategory()).isEmpty();
        assertThat(report.items()).isEmpty();
    }

    @Test
    void categoriesWithAsManyOpenNeedsTheOldestFirst() {
        AccountHistory history = AccountHistory.opened(KEY, day(0))
                .needIn("a", "hosting", day(150))
                .needIn("b", "security", day(50))
                .needIn("c", "api", day(150));

        UnmetNeedsReport report = NeedReports.report(List.of(history), OPEN, 0, 50, NOW);

        assertThat(report.byCategory()).containsExactly(new CategorySummary("security", 1, 150),
                new CategorySummary("api", 1, 50), new CategorySummary("hosting", 1, 50));
    }
}
