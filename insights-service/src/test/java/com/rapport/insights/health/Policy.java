package com.rapport.insights.health;

import com.rapport.events.account.Tier;

import java.util.EnumMap;
import java.util.Map;

/** A {@link HealthPolicy} that differs from the defaults in what a test says: {@code Policy.defaults().weight(MOMENTUM, 0).build()}. */
final class Policy {

    private final Map<Tier, Integer> cadenceDays;
    private final Map<Factor, Integer> weights;
    private int healthyFrom;
    private int watchFrom;
    private int atRiskFrom;
    private final HealthPolicy base;

    private Policy(HealthPolicy base) {
        this.base = base;
        this.cadenceDays = new EnumMap<>(base.cadenceDays());
        this.weights = new EnumMap<>(base.weights());
        this.healthyFrom = base.healthyFrom();
        this.watchFrom = base.watchFrom();
        this.atRiskFrom = base.atRiskFrom();
    }

    static Policy defaults() {
        return new Policy(HealthPolicy.defaults());
    }

    Policy cadence(Tier tier, Integer days) {
        if (days == null) {
            cadenceDays.remove(tier);
        } else {
            cadenceDays.put(tier, days);
        }
        return this;
    }

    Policy weight(Factor factor, Integer weight) {
        if (weight == null) {
            weights.remove(factor);
        } else {
            weights.put(factor, weight);
        }
        return this;
    }

    /** Every factor weighs {@code weight}. */
    Policy weights(int weight) {
        for (Factor factor : Factor.values()) {
            weights.put(factor, weight);
        }
        return this;
    }

    Policy bands(int healthyFrom, int watchFrom, int atRiskFrom) {
        this.healthyFrom = healthyFrom;
        this.watchFrom = watchFrom;
        this.atRiskFrom = atRiskFrom;
        return this;
    }

    HealthPolicy build() {
        return new HealthPolicy(cadenceDays, base.faceTimeDays(), base.executiveTouchDays(), base.rePitchDays(),
                base.needGraceDays(), base.competitorWindowDays(), base.momentumWindowDays(), base.unansweredAttempts(),
                base.neglectMultiplier(), healthyFrom, watchFrom, atRiskFrom, weights, base.signals());
    }
}
