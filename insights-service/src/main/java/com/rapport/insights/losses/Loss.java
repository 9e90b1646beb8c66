package com.rapport.insights.losses;

import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.WinBackChance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One loss of one account, as the HTTP contract shapes it. An account lost, won back and lost
 * again has one of these per loss.
 *
 * @param name           the account's name, owner, tier and value as they stood when it was lost
 * @param primaryReason  the exit interview's, or the loss's when nobody interviewed the client
 * @param competitor     likewise: the exit interview's when there is one, even if it names none
 * @param interviewedAt  the latest exit interview after this loss (and before the next one)
 * @param firstFlaggedAt the first daily assessment before the loss (after the previous win-back) that
 *                       was AT_RISK, CRITICAL or neglected; null when Rapport never warned
 * @param leadTimeDays   whole days from {@code firstFlaggedAt} to {@code lostAt}
 * @param wonBackAt      when the client came back after this loss, if it has
 */
public record Loss(UUID accountId, String name, String ownerId, Tier tier, BigDecimal annualValue, String currency,
                   Instant lostAt, LossReason primaryReason, String competitor, boolean interviewed,
                   Instant interviewedAt, WinBackChance winBackChance, Instant firstFlaggedAt, Flag flaggedAs,
                   Long leadTimeDays, Instant wonBackAt) {

    boolean flagged() {
        return firstFlaggedAt != null;
    }
}
