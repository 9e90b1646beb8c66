package com.rapport.insights.losses;

import com.rapport.insights.health.Assessment;

import java.util.Optional;

/** What Rapport would have warned of: a band that needs action, or neglect. */
public enum Flag {
    AT_RISK, CRITICAL, NEGLECTED;

    /** The band wins when the account is both in a bad band and neglected: it says more. */
    public static Optional<Flag> of(Assessment assessment) {
        return switch (assessment.band()) {
            case AT_RISK -> Optional.of(AT_RISK);
            case CRITICAL -> Optional.of(CRITICAL);
            case HEALTHY, WATCH -> assessment.neglected() ? Optional.of(NEGLECTED) : Optional.empty();
        };
    }
}
