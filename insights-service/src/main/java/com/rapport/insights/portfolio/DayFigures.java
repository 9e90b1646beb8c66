package com.rapport.insights.portfolio;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.rapport.events.insights.HealthBand;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The portfolio figures of one moment as sums of the accounts' {@link Contribution}s, so that one
 * account's change is added to them without counting the others again. Kept as JSON, one per day (no
 * field is final, so that Jackson can fill each in).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class DayFigures {

    private EnumMap<HealthBand, Long> bands = new EnumMap<>(HealthBand.class);
    private long neglected;
    private TreeMap<String, BigDecimal> atRisk = new TreeMap<>();
    /** Per owner: accounts, and those within cadence. */
    private TreeMap<String, long[]> owners = new TreeMap<>();

    /** Takes {@code before} out and puts {@code after} in: one account's change. */
    void change(Contribution before, Contribution after) {
        add(before, -1);
        add(after, 1);
    }

    void add(Contribution contribution, int sign) {
        if (!contribution.counts()) {
            return;
        }
        bands.merge(contribution.band(), (long) sign, Long::sum);
        if (contribution.neglected()) {
            neglected += sign;
        }
        if (contribution.atRisk()) {
            atRisk.merge(contribution.currency(), contribution.annualValue().multiply(BigDecimal.valueOf(sign)),
                    BigDecimal::add);
        }
        long[] owner = owners.computeIfAbsent(contribution.ownerId(), id -> new long[2]);
        owner[0] += sign;
        if (contribution.withinCadence()) {
            owner[1] += sign;
        }
    }

    void addAll(DayFigures other) {
        other.bands.forEach((band, count) -> bands.merge(band, count, Long::sum));
        neglected += other.neglected;
        other.atRisk.forEach((currency, amount) -> atRisk.merge(currency, amount, BigDecimal::add));
        other.owners.forEach((owner, counts) -> {
            long[] mine = owners.computeIfAbsent(owner, id -> new long[2]);
            mine[0] += counts[0];
            mine[1] += counts[1];
        });
    }

    boolean isEmpty() {
        return bands.values().stream().allMatch(count -> count == 0) && neglected == 0
                && atRisk.values().stream().allMatch(amount -> amount.signum() == 0)
                && owners.values().stream().allMatch(counts -> counts[0] == 0 && counts[1] == 0);
    }

    /** As the HTTP contract shapes them: currencies and owners that add up to nothing are left out. */
    PortfolioFigures at(Instant asOf) {
        Map<HealthBand, Long> perBand = new EnumMap<>(HealthBand.class);
        for (HealthBand band : HealthBand.values()) {
            perBand.put(band, bands.getOrDefault(band, 0L));
        }
        long accounts = perBand.values().stream().mapToLong(Long::longValue).sum();
        List<PortfolioFigures.Money> valueAtRisk = atRisk.entrySet().stream()
                .filter(entry -> entry.getValue().signum() != 0)
                .map(entry -> new PortfolioFigures.Money(entry.getValue(), entry.getKey()))
                .toList();
        List<PortfolioFigures.OwnerCoverage> coverage = owners.entrySet().stream()
                .filter(entry -> entry.getValue()[0] > 0)
                .map(entry -> PortfolioFigures.OwnerCoverage.of(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
        return new PortfolioFigures(asOf, (int) accounts, perBand, neglected, valueAtRisk, coverage);
    }
}
