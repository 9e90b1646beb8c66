package com.rapport.insights.policy;

import com.rapport.insights.health.HealthPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every version of the health policy, oldest first: the configuration, then each change. Which one a
 * moment is assessed under is decided here alone.
 */
public record PolicyHistory(List<PolicyVersion> versions) {

    public PolicyHistory {
        versions = List.copyOf(versions);
        if (versions.isEmpty() || versions.get(0).version() != 0) {
            throw new IllegalArgumentException("A policy history starts with the configuration, version 0");
        }
    }

    /** @param changes the changes made since, in the order of their versions */
    public static PolicyHistory of(HealthPolicy configured, List<PolicyVersion> changes) {
        List<PolicyVersion> versions = new ArrayList<>();
        versions.add(PolicyVersion.configured(configured));
        versions.addAll(changes);
        return new PolicyHistory(versions);
    }

    public PolicyVersion current() {
        return versions.get(versions.size() - 1);
    }

    /**
     * The version in force at the moment: the latest one in effect by then, or the configuration before
     * the first change.
     */
    public PolicyVersion at(Instant moment) {
        for (int i = versions.size() - 1; i > 0; i--) {
            if (!versions.get(i).effectiveAt().isAfter(moment)) {
                return versions.get(i);
            }
        }
        return versions.get(0);
    }

    public HealthPolicy inForceAt(Instant moment) {
        return at(moment).policy();
    }
}
