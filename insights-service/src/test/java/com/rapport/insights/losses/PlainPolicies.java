package com.rapport.insights.losses;

import com.rapport.insights.health.Factor;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.health.RiskSignal;
import com.rapport.insights.health.SignalPolicy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/** Health policies that make a test's arithmetic plain: the bands and neglect alone warn, no risk signal. */
public final class PlainPolicies {

    private PlainPolicies() {
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
                defaults.healthyFrom(), defaults.watchFrom(), defaults.atRiskFrom(), weights, signalsOff());
    }

    /** The design's defaults with no risk signal raised: a warning is a band or neglect. */
    public static HealthPolicy bandAndNeglectOnly() {
        return HealthPolicy.defaults().withSignals(signalsOff());
    }

    private static SignalPolicy signalsOff() {
        return SignalPolicy.defaults().withOff(EnumSet.allOf(RiskSignal.class));
    }
}
