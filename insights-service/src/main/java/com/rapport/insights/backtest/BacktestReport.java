package com.rapport.insights.backtest;

import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.insights.health.HealthPolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a backtest found: how many of the window's losses were flagged before they happened and how
 * early, and how often accounts that stayed were flagged. Shares are 0..1 to three decimals, null when
 * there was nothing to count.
 *
 * @param from        the window's start: losses and monthly assessments in [from, to)
 * @param policy      the health policy replayed
 * @param losses      every loss of the window, newest first
 * @param foreseeable the losses a relationship history can show: all but the {@code outside} ones
 * @param byTier      the foreseeable losses per tier, as the account stood when lost
 * @param byReason    the foreseeable losses per primary reason
 * @param outside     the losses no relationship history can show, counted apart
 * @param falseAlarms the monthly assessments of accounts never lost from the window's start on
 */
public record BacktestReport(Instant from, Instant to, HealthPolicy policy, List<BacktestLoss> losses, Recall foreseeable,
                             Map<Tier, Recall> byTier, Map<LossReason, Recall> byReason, Outside outside,
                             FalseAlarms falseAlarms) {

    public BacktestReport {
        losses = List.copyOf(losses);
    }

    /**
     * Of some losses, how many Rapport flagged before they happened, and how many days before.
     *
     * @param leadTimeDays of the flagged ones; null when none was
     */
    public record Recall(long losses, long flagged, BigDecimal flaggedShare, LeadTimes leadTimeDays) {
    }

    /** The quartiles of lead times in days, each interpolated between the two nearest (as a spreadsheet's QUARTILE). */
    public record LeadTimes(BigDecimal lowerQuartile, BigDecimal median, BigDecimal upperQuartile) {
    }

    /** @param reasons the loss reasons no relationship history can show */
    public record Outside(Set<LossReason> reasons, long losses, long flagged) {
    }

    /** The monthly assessments of accounts that stayed, and how many of them were flagged. */
    public record FalseAlarms(long assessments, long flagged, BigDecimal share, Map<Tier, Alarms> byTier) {
    }

    /** One tier's share of {@link FalseAlarms}. */
    public record Alarms(long assessments, long flagged, BigDecimal share) {
    }
}
