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
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The losses of a window and what they add up to, as the HTTP contract shapes them.
 *
 * @param items              newest loss first
 * @param byReason           losses per primary reason, the most frequent first
 * @param byCompetitor       losses per competitor named, the most frequent first; losses naming none are left out
 * @param interviewCoverage  the share of losses with an exit interview, 0..1 to two decimals; null without losses
 * @param flaggedShare       the share of losses Rapport flagged before they happened; null without losses
 * @param medianLeadTimeDays the median lead time of the flagged losses; null when none was flagged
 */
public record LossReport(Instant from, Instant to, List<Loss> items, Map<LossReason, Long> byReason,
                         Map<String, Long> byCompetitor, BigDecimal interviewCoverage, BigDecimal flaggedShare,
                         BigDecimal medianLeadTimeDays) {

    public LossReport {
        items = List.copyOf(items);
    }

    static LossReport of(Collection<Loss> losses, Window window) {
        List<Loss> newestFirst = losses.stream()
                .sorted(Comparator.comparing(Loss::lostAt).reversed().thenComparing(Loss::accountId))
                .toList();
        return new LossReport(window.from(), window.to(), newestFirst,
                counted(newestFirst, Loss::primaryReason),
                counted(newestFirst, Loss::competitor),
                share(newestFirst, Loss::interviewed),
                share(newestFirst, Loss::flagged),
                median(newestFirst.stream().map(Loss::leadTimeDays).filter(Objects::nonNull).sorted().toList()));
    }

    private static <K extends Comparable<K>> Map<K, Long> counted(List<Loss> losses, Function<Loss, K> key) {
        Map<K, Long> counts = losses.stream().map(key).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<K, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
    }

    private static BigDecimal share(List<Loss> losses, Predicate<Loss> which) {
        if (losses.isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(losses.stream().filter(which).count())
                .divide(BigDecimal.valueOf(losses.size()), 2, RoundingMode.HALF_UP);
    }

    /** @param sorted ascending */
    private static BigDecimal median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return BigDecimal.valueOf(sorted.get(middle));
        }
        return BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle)).divide(BigDecimal.valueOf(2));
    }
}
