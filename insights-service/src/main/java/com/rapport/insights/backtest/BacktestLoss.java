package com.rapport.insights.backtest;

import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.insights.losses.Flag;
import com.rapport.insights.losses.Loss;

import java.time.Instant;
import java.util.UUID;

/**
 * One loss of the window as the backtest judged it.
 *
 * @param tier          as the account stood when lost
 * @param primaryReason the exit interview's, or the loss's when nobody interviewed the client
 * @param flaggedAs     the first flag raised before the loss; null with {@code firstFlaggedAt} when none was
 * @param foreseeable   false for a loss whose reason no relationship history can show, counted apart
 */
public record BacktestLoss(UUID accountId, String name, Tier tier, Instant lostAt, LossReason primaryReason,
                           Instant firstFlaggedAt, Flag flaggedAs, Long leadTimeDays, boolean foreseeable) {

    static BacktestLoss of(Loss loss, boolean foreseeable) {
        return new BacktestLoss(loss.accountId(), loss.name(), loss.tier(), loss.lostAt(), loss.primaryReason(),
                loss.firstFlaggedAt(), loss.flaggedAs(), loss.leadTimeDays(), foreseeable);
    }

    boolean flagged() {
        return firstFlaggedAt != null;
    }
}
