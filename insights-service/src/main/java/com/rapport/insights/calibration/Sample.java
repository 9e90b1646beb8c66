package com.rapport.insights.calibration;

/**
 * One assessment of one account, as calibration weighs it: the factors' sub-scores, neglect, the
 * signals raised, and what followed.
 *
 * @param scores  each factor's sub-score, in the order of {@link com.rapport.insights.health.Factor}
 * @param weighed a bit per factor that counts for the account's tier (face time does not for every tier)
 * @param signals the risk signals raised, a bit per {@link com.rapport.insights.health.RiskSignal} ordinal
 * @param loss    the foreseeable loss that followed within the horizon, numbered from 0; -1 for an account kept
 * @param daysBeforeLoss whole days from the assessment to that loss; 0 for an account kept
 */
record Sample(byte[] scores, int weighed, boolean neglected, int signals, int loss, int daysBeforeLoss) {

    boolean beforeALoss() {
        return loss >= 0;
    }
}
