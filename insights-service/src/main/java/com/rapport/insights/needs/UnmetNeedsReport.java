package com.rapport.insights.needs;

import java.util.Comparator;
import java.util.List;

/**
 * A page of the needs in one status, oldest first, with two summaries over all needs whatever
 * the status asked for, as the HTTP contract shapes them.
 *
 * @param byCategory        the open needs per category, the most first
 * @param lostToCompetitors the needs lost to each competitor, the most first
 */
public record UnmetNeedsReport(List<Need> items, int page, int size, long total, List<CategorySummary> byCategory,
                               List<CompetitorSummary> lostToCompetitors) {

    /** @param oldestOpenDays the age of the category's oldest open need */
    public record CategorySummary(String category, long open, long oldestOpenDays) {
    }

    public record CompetitorSummary(String competitor, long needs) {
    }

    public UnmetNeedsReport {
        items = List.copyOf(items);
        byCategory = List.copyOf(byCategory);
        lostToCompetitors = List.copyOf(lostToCompetitors);
    }

    /** Orders the summaries as a reader wants them: the most first. */
    static UnmetNeedsReport of(List<Need> items, int page, int size, long total, List<CategorySummary> byCategory,
                               List<CompetitorSummary> lostToCompetitors) {
        return new UnmetNeedsReport(items, page, size, total,
                byCategory.stream()
                        .sorted(Comparator.comparingLong(CategorySummary::open).reversed()
                                .thenComparing(Comparator.comparingLong(CategorySummary::oldestOpenDays).reversed())
                                .thenComparing(CategorySummary::category))
                        .toList(),
                lostToCompetitors.stream()
                        .sorted(Comparator.comparingLong(CompetitorSummary::needs).reversed()
                                .thenComparing(CompetitorSummary::competitor))
                        .toList());
    }
}
