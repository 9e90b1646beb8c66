package com.rapport.insights.needs;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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

    public static UnmetNeedsReport of(Collection<Need> needs, NeedStatus status, int page, int size) {
        List<Need> matching = needs.stream()
                .filter(need -> need.status() == status)
                .sorted(Comparator.comparing(Need::raisedAt).thenComparing(Need::needId))
                .toList();
        long offset = (long) page * size;
        List<Need> items = offset >= matching.size() ? List.of()
                : matching.subList((int) offset, (int) Math.min(matching.size(), offset + size));
        return new UnmetNeedsReport(items, page, size, matching.size(), byCategory(needs), lostToCompetitors(needs));
    }

    private static List<CategorySummary> byCategory(Collection<Need> needs) {
        Map<String, List<Need>> open = needs.stream()
                .filter(need -> need.status() == NeedStatus.OPEN)
                .collect(Collectors.groupingBy(Need::category));
        return open.entrySet().stream()
                .map(category -> new CategorySummary(category.getKey(), category.getValue().size(),
                        category.getValue().stream().mapToLong(Need::ageDays).max().orElse(0)))
                .sorted(Comparator.comparingLong(CategorySummary::open).reversed()
                        .thenComparing(Comparator.comparingLong(CategorySummary::oldestOpenDays).reversed())
                        .thenComparing(CategorySummary::category))
                .toList();
    }

    private static List<CompetitorSummary> lostToCompetitors(Collection<Need> needs) {
        Map<String, Long> lost = needs.stream()
                .filter(need -> need.status() == NeedStatus.LOST_TO_COMPETITOR)
                .map(Need::competitor)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(competitor -> competitor, Collectors.counting()));
        return lost.entrySet().stream()
                .map(competitor -> new CompetitorSummary(competitor.getKey(), competitor.getValue()))
                .sorted(Comparator.comparingLong(CompetitorSummary::needs).reversed()
                        .thenComparing(CompetitorSummary::competitor))
                .toList();
    }
}
