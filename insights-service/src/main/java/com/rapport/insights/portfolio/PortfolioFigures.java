package com.rapport.insights.portfolio;

import com.rapport.events.insights.HealthBand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

        /** @param withinCadence those of the accounts contacted within their cadence */
        public static OwnerCoverage of(String ownerId, long accounts, long withinCadence) {
            return new OwnerCoverage(ownerId, accounts, withinCadence,
                    BigDecimal.valueOf(withinCadence).divide(BigDecimal.valueOf(accounts), 2, RoundingMode.HALF_UP));
        }
    }
}
