package com.rapport.insights.losses;

import com.rapport.events.account.LossReason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The losses of a window and what they add up to, as the HTTP contract shapes them.
 *
 * @param items              a page of the window's losses, newest first
 * @param total              the losses in the window
 * @param byReason           losses per primary reason, the most frequent first
 * @param byCompetitor       losses per competitor named, the most frequent first; losses naming none are left out
 * @param interviewCoverage  the share of losses with an exit interview, 0..1 to two decimals; null without losses
 * @param flaggedShare       the share of losses Rapport flagged before they happened; null without losses
 * @param medianLeadTimeDays the median lead time of the flagged losses; null when none was flagged
 */
public record LossReport(Instant from, Instant to, List<Loss> items, int page, int size, long total,
                         Map<LossReason, Long> byReason, Map<String, Long> byCompetitor, BigDecimal interviewCoverage,
                         BigDecimal flaggedShare, BigDecimal medianLeadTimeDays) {

    /** Newest first, as the report lists them. */
    public static final Comparator<Loss> NEWEST_FIRST = Comparator.comparing(Loss::lostAt).reversed().thenComparing(Loss::accountId);

    /**
     * What all the losses of a window add up to, whoever counted them.
     *
     * @param middleLeadTimes the middle one or two of the flagged losses' lead times, in ascending order
     */
    record Totals(long losses, long interviewed, long flagged, Map<LossReason, Long> byReason,
                  Map<String, Long> byCompetitor, List<Long> middleLeadTimes) {
    }

    public LossReport {
        items = List.copyOf(items);
    }

    static LossReport of(Window window, List<Loss> items, int page, int size, Totals totals) {
        return new LossReport(window.from(), window.to(), items, page, size, totals.losses(),
                mostFirst(totals.byReason()), mostFirst(totals.byCompetitor()),
                share(totals.interviewed(), totals.losses()), share(totals.flagged(), totals.losses()),
                median(totals.middleLeadTimes()));
    }

    /** Every loss of the window on one page. */
    static LossReport of(Collection<Loss> losses, Window window) {
        List<Loss> newestFirst = losses.stream().sorted(NEWEST_FIRST).toList();
        List<Long> leadTimes = newestFirst.stream().map(Loss::leadTimeDays).filter(Objects::nonNull).sorted().toList();
        return of(window, newestFirst, 0, newestFirst.size(), new Totals(newestFirst.size(),
                newestFirst.stream().filter(Loss::interviewed).count(),
                newestFirst.stream().filter(Loss::flagged).count(),
                counted(newestFirst, Loss::primaryReason),
                counted(newestFirst, Loss::competitor),
                middleOf(leadTimes)));
    }

    /** The middle one (an odd count) or two (an even count) of sorted values. */
    static List<Long> middleOf(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return List.of();
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? List.of(sorted.get(middle)) : sorted.subList(middle - 1, middle + 1);
    }

    private static <K extends Comparable<K>> Map<K, Long> counted(List<Loss> losses, Function<Loss, K> key) {
        return losses.stream().map(key).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static <K extends Comparable<K>> Map<K, Long> mostFirst(Map<K, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<K, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
    }

    private static BigDecimal share(long some, long of) {
        if (of == 0) {
            return null;
        }
        return BigDecimal.valueOf(some).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP);
    }

    /** @param middle the middle one or two values */
    private static BigDecimal median(List<Long> middle) {
        if (middle.isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(middle.stream().mapToLong(Long::longValue).sum())
                .divide(BigDecimal.valueOf(middle.size()));
    }
}
