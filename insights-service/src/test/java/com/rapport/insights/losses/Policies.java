package com.rapport.insights.losses;

import com.rapport.insights.health.Factor;
import com.rapport.insights.health.HealthPolicy;

import java.util.EnumMap;
import java.util.Map;

/** Health policies that make a test's arithmetic plain. */
final class Policies {

    private Policies() {
    }

    /** The design's defaults, but only {@code factor} weighs: the score is that factor's sub-score. */
    static HealthPolicy onlyCounts(Factor factor) {
        HealthPolicy defaults = HealthPolicy.defaults();
        Map<Factor, Integer> weights = new EnumMap<>(Factor.class);
        for (Factor each : Factor.values()) {
            weights.put(each, each == factor ? 1 : 0);
        }
        return new HealthPolicy(defaults.cadenceDays(), defaults.faceTimeDays(), defaults.executiveTouchDays(),
                defaults.rePitchDays(), defaults.needGraceDays(), defaults.competitorWindowDays(),
                defaults.momentumWindowDays(), defaults.unansweredAttempts(), defaults.neglectMultiplier(),
                defaults.healthyFrom(), defaults.watchFrom(), defaults.atRiskFrom(), weights);
    }
}
