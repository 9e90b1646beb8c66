package com.rapport.insights.policy;

import com.rapport.insights.health.HealthPolicy;

import java.util.List;

/** The policies of a test that reads no table: the configuration, never changed. */
public final class UnchangedPolicies {

    private UnchangedPolicies() {
    }

    public static Policies of(HealthPolicy configured) {
        return new Policies(configured, null, null, null, null, null) {
            @Override
            public PolicyHistory history() {
                return PolicyHistory.of(configured, List.of());
            }
        };
    }
}
