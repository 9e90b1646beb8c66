package com.rapport.events.insights;

import com.rapport.events.Attributed;
import com.rapport.events.EventType;
import com.rapport.events.PublishedEvent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health policy insights assesses accounts by changed: from {@code effectiveAt} on, every assessment,
 * a past one asked for as well, is made under this policy until the next change. Before the first change
 * the policy is insights' configuration. Not about one account: it concerns every one.
 *
 * @param version     1 for the first change, one more for each after it
 * @param policy      the whole policy in force from then on, in the JSON shape {@code GET /api/insights/policy}
 *                    serves (cadenceDays, weights, signals, ...), not only what changed
 * @param effectiveAt from when it is in force
 * @param staffId     who changed it
 * @param note        why
 */
@EventType(name = "rapport.insights.health-policy-changed")
public record HealthPolicyChanged(int version, Map<String, Object> policy, Instant effectiveAt, String staffId,
                                  String note) implements PublishedEvent, Attributed {

    public HealthPolicyChanged {
        // in the order given, which is the policy's own
        policy = policy == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(policy));
    }

    @Override
    public Instant occurredAt() {
        return effectiveAt;
    }
}
