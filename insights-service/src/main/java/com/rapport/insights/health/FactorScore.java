package com.rapport.insights.health;

/**
 * One factor of an assessment.
 *
 * @param score  0 (as bad as it gets) to 100 (as expected)
 * @param weight how much it counts; 0 when nothing is expected of the account's tier
 * @param reason a sentence a sales leader can read
 */
public record FactorScore(Factor factor, int score, int weight, String reason) {
}
