package com.rapport.insights.portfolio;

import com.rapport.events.insights.HealthBand;
import com.rapport.insights.health.Assessment;

import java.math.BigDecimal;

/**
 * What one account adds to the portfolio figures at a moment: its band, whether it is neglected,
 * whether it was contacted within its cadence, its owner and its value. A lost account, or one not
 * yet open, adds nothing ({@link #NONE}).
 */
public record Contribution(HealthBand band, boolean neglected, boolean withinCadence, String ownerId, String currency,
                           BigDecimal annualValue) {

    public static final Contribution NONE = new Contribution(null, false, false, null, null, null);

    public static Contribution of(Assessment assessment) {
        if (assessment.lost()) {
            return NONE;
        }
        return new Contribution(assessment.band(), assessment.neglected(),
                assessment.daysSinceContact() <= assessment.cadenceDays(), assessment.ownerId(), assessment.currency(),
                assessment.annualValue());
    }

    public boolean counts() {
        return band != null;
    }

    /** Counted in the value at risk: a band that needs action, or neglect. */
    boolean atRisk() {
        return neglected || band == HealthBand.AT_RISK || band == HealthBand.CRITICAL;
    }
}
