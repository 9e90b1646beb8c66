package com.rapport.insights.needs;

import com.rapport.insights.needs.UnmetNeedsReport.CategorySummary;
import com.rapport.insights.needs.UnmetNeedsReport.CompetitorSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.groups.Tuple.tuple;
import java.util.stream.Stream;

import static com.rapport.insights.needs.History.day;
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
    private static List<History> portfolio() {
        return Stream.of(
                        History.opened("Acme Corp", day(0))
                                .need("sso", "security", day(10))
                                .need("eu-hosting", "hosting", day(20)).lostTo("Globex", "eu-hosting", day(60))
                                .need("reports", "reporting", day(100)),
                        History.opened("Initech", day(0))
                                .need("api", "integration", day(30)).addressed("api", day(90))
                                .need("invoices", "reporting", day(150))
                                .need("audit-log", "security", day(40)).lostTo("Globex", "audit-log", day(45)),
                        History.opened("Umbrella", day(0))
                                .need("on-site", "support", day(50)).declined("on-site", day(55))
                                .lost(day(120)))
                .toList();
    }

    @Test
    void openNeedsOldestFirst() {
        UnmetNeedsReport report = History.report(portfolio(), OPEN, 0, 50, NOW);

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
        UnmetNeedsReport report = History.report(portfolio(), status, 0, 50, NOW);

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
        History history = History.opened("Acme Corp", day(0));
        for (int n = 7; n >= 1; n--) {
            history.need("need " + n, "reporting", day(n));
        }

        UnmetNeedsReport report = History.report(List.of(history), OPEN, page, size, NOW);

        assertThat(report.items()).extracting(Need::raisedAt)
                .containsExactlyElementsOf(raisedOn.stream().map(History::day).toList());
        assertThat(report).extracting(UnmetNeedsReport::page, UnmetNeedsReport::size, UnmetNeedsReport::total)
                .containsExactly(page, size, 7L);
    }

    @ParameterizedTest
    @EnumSource(NeedStatus.class)
    void theSummariesCoverEveryNeedWhateverTheStatusAskedFor(NeedStatus status) {
        UnmetNeedsReport report = History.report(portfolio(), status, 0, 1, NOW);

        assertThat(report.byCategory()).containsExactly(
                new CategorySummary("reporting", 2, 100),
                new CategorySummary("security", 1, 190));
        assertThat(report.lostToCompetitors()).containsExactly(new CompetitorSummary("Globex", 2));
    }

    @Test
    void competitorsTheMostNeedsLostFirst() {
        History history = History.opened("Acme Corp", day(0))
                .need("a", "hosting", day(1)).lostTo("Initech", "a", day(2))
                .need("b", "hosting", day(1)).lostTo("Hooli", "b", day(2))
                .need("c", "hosting", day(1)).lostTo("Hooli", "c", day(2))
                .need("d", "hosting", day(1)).lostTo("Globex", "d", day(2));

        UnmetNeedsReport report = History.report(List.of(history), OPEN, 0, 50, NOW);

        assertThat(report.lostToCompetitors()).containsExactly(new CompetitorSummary("Hooli", 2),
                new CompetitorSummary("Globex", 1), new CompetitorSummary("Initech", 1));
        assertThat(report.byCategory()).isEmpty();
        assertThat(report.items()).isEmpty();
    }

    @Test
    void categoriesWithAsManyOpenNeedsTheOldestFirst() {
        History history = History.opened("Acme Corp", day(0))
                .need("a", "hosting", day(150))
                .need("b", "security", day(50))
                .need("c", "api", day(150));

        UnmetNeedsReport report = History.report(List.of(history), OPEN, 0, 50, NOW);

        assertThat(report.byCategory()).containsExactly(new CategorySummary("security", 1, 150),
                new CategorySummary("api", 1, 50), new CategorySummary("hosting", 1, 50));
    }
}
