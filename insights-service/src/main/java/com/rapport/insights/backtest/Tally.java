package com.rapport.insights.backtest;

import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.losses.Loss;
import com.rapport.insights.losses.Window;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a backtest has counted so far: the losses of the window, and the monthly samples of accounts that stayed. */
final class Tally {

    private final Set<LossReason> outside;
    private final List<Loss> losses = new ArrayList<>();
    private final Map<Tier, long[]> samples = new EnumMap<>(Tier.class);

    Tally(Set<LossReason> outside) {
        this.outside = outside;
    }

    void loss(Loss loss) {
        losses.add(loss);
    }

    void sample(Tier tier, boolean flagged) {
        long[] counts = samples.computeIfAbsent(tier, any -> new long[2]);
        counts[0]++;
        if (flagged) {
            counts[1]++;
        }
    }

    BacktestReport report(Window window, HealthPolicy policy, Comparator<Loss> order) {
        List<BacktestLoss> judged = losses.stream().sorted(order)
                .map(loss -> BacktestLoss.of(loss, !outside.contains(loss.primaryReason())))
                .toList();
        List<BacktestLoss> foreseeable = judged.stream().filter(BacktestLoss::foreseeable).toList();
        List<BacktestLoss> apart = judged.stream().filter(loss -> !loss.foreseeable()).toList();
        return new BacktestReport(window.from(), window.to(), policy, judged, recall(foreseeable),
                recallBy(foreseeable, BacktestLoss::tier, Tier.class),
                recallBy(foreseeable, BacktestLoss::primaryReason, LossReason.class),
                new BacktestReport.Outside(new TreeSet<>(outside), apart.size(),
                        apart.stream().filter(BacktestLoss::flagged).count()),
                falseAlarms());
    }

    private static <K extends Enum<K>> Map<K, BacktestReport.Recall> recallBy(List<BacktestLoss> losses,
                                                                             Function<BacktestLoss, K> key, Class<K> type) {
        Map<K, BacktestReport.Recall> by = new EnumMap<>(type);
        losses.stream().filter(loss -> key.apply(loss) != null)
                .collect(Collectors.groupingBy(key))
                .forEach((value, some) -> by.put(value, recall(some)));
        return by;
    }

    private static BacktestReport.Recall recall(List<BacktestLoss> losses) {
        List<Long> leadTimes = losses.stream().map(BacktestLoss::leadTimeDays).filter(Objects::nonNull).sorted().toList();
        return new BacktestReport.Recall(losses.size(), leadTimes.size(), share(leadTimes.size(), losses.size()),
                leadTimes.isEmpty() ? null : new BacktestReport.LeadTimes(quartile(leadTimes, 1), quartile(leadTimes, 2),
                        quartile(leadTimes, 3)));
    }

    private BacktestReport.FalseAlarms falseAlarms() {
        Map<Tier, BacktestReport.Alarms> byTier = new EnumMap<>(Tier.class);
        samples.forEach((tier, counts) -> byTier.put(tier, new BacktestReport.Alarms(counts[0], counts[1],
                share(counts[1], counts[0]))));
        long assessments = samples.values().stream().mapToLong(counts -> counts[0]).sum();
        long flagged = samples.values().stream().mapToLong(counts -> counts[1]).sum();
        return new BacktestReport.FalseAlarms(assessments, flagged, share(flagged, assessments), byTier);
    }

    /**
     * The {@code quarter}th quartile of sorted values, interpolated between the two nearest at the position
     * {@code quarter × (n − 1) / 4}: exact in quarters of a day, so worked out in quarters.
     */
    static BigDecimal quartile(List<Long> sorted, int quarter) {
        long position = (long) quarter * (sorted.size() - 1);
        int below = (int) (position / 4);
        long fraction = position % 4;
        long low = sorted.get(below);
        long high = fraction == 0 ? low : sorted.get(below + 1);
        return BigDecimal.valueOf(4 * low + fraction * (high - low)).divide(BigDecimal.valueOf(4));
    }

    private static BigDecimal share(long some, long of) {
        if (of == 0) {
            return null;
        }
        return BigDecimal.valueOf(some).divide(BigDecimal.valueOf(of), 3, RoundingMode.HALF_UP);
    }
}
