package com.rapport.insights.portfolio;

import com.rapport.events.insights.HealthBand;
import com.rapport.insights.assessment.AssessmentView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The portfolio at one moment: accounts per band, how many are neglected, the annual value at
 * risk, and how well each owner keeps cadence. Lost accounts are not part of it.
 *
 * @param valueAtRisk the annual value of the accounts AT_RISK, CRITICAL or neglected, per currency
 * @param owners      per owner: accounts, those contacted within their cadence, and the share (coverage)
 */
public record PortfolioFigures(Instant asOf, int accounts, Map<HealthBand, Long> bands, long neglected,
                               List<Money> valueAtRisk, List<OwnerCoverage> owners) {

    public record Money(BigDecimal amount, String currency) {
    }

    public record OwnerCoverage(String ownerId, long accounts, long withinCadence, BigDecimal coverage) {
    }

    static PortfolioFigures of(Instant asOf, Collection<AssessmentView> assessments) {
        List<AssessmentView> active = assessments.stream().filter(view -> "ACTIVE".equals(view.status())).toList();
        Map<HealthBand, Long> bands = new EnumMap<>(HealthBand.class);
        for (HealthBand band : HealthBand.values()) {
            bands.put(band, active.stream().filter(view -> view.band() == band).count());
        }
        List<Money> atRisk = active.stream()
                .filter(PortfolioFigures::isAtRisk)
                .collect(Collectors.groupingBy(AssessmentView::currency, TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO, AssessmentView::annualValue, BigDecimal::add)))
                .entrySet().stream()
                .map(entry -> new Money(entry.getValue(), entry.getKey()))
                .toList();
        List<OwnerCoverage> owners = active.stream()
                .collect(Collectors.groupingBy(AssessmentView::ownerId, TreeMap::new, Collectors.toList()))
                .entrySet().stream()
                .map(entry -> coverage(entry.getKey(), entry.getValue()))
                .toList();
        return new PortfolioFigures(asOf, active.size(), bands, active.stream().filter(AssessmentView::neglected).count(),
                atRisk, owners);
    }

    private static boolean isAtRisk(AssessmentView view) {
        return view.neglected() || view.band() == HealthBand.AT_RISK || view.band() == HealthBand.CRITICAL;
    }

    private static OwnerCoverage coverage(String ownerId, List<AssessmentView> accounts) {
        long within = accounts.stream().filter(view -> view.daysSinceContact() <= view.cadenceDays()).count();
        return new OwnerCoverage(ownerId, accounts.size(), within,
                BigDecimal.valueOf(within).divide(BigDecimal.valueOf(accounts.size()), 2, RoundingMode.HALF_UP));
    }
}
