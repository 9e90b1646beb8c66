package com.rapport.insights.policy;

import com.rapport.insights.health.HealthPolicy;

import java.time.Instant;

/**
 * One version of the health policy: the configuration (version 0, in force from the start, with no one
 * and no note behind it) or a {@code HealthPolicyChanged}.
 *
 * @param effectiveAt from when it is in force; null for the configuration
 * @param staffId     who changed it; null for the configuration
 * @param note        why; null for the configuration
 */
public record PolicyVersion(int version, HealthPolicy policy, Instant effectiveAt, String staffId, String note) {

    static PolicyVersion configured(HealthPolicy policy) {
        return new PolicyVersion(0, policy, null, null, null);
    }
}
