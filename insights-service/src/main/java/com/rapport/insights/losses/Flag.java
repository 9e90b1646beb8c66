package com.rapport.insights.losses;

import com.rapport.insights.health.Assessment;

import java.util.Optional;

/** What Rapport would have warned of: a band that needs action, neglect, or a risk signal. */
public enum Flag {
    AT_RISK, CRITICAL, NEGLECTED, RISK_SIGNAL;

    /**
     * The band wins when the account is both in a bad band and neglected, and neglect wins over a
     * signal: each says more than the next. Flagged exactly when {@link Assessment#flagged()}.
     */
    public static Optional<Flag> of(Assessment assessment) {
        return switch (assessment.band()) {
            case AT_RISK -> Optional.of(AT_RISK);
            case CRITICAL -> Optional.of(CRITICAL);
            case HEALTHY, WATCH -> assessment.neglected() ? Optional.of(NEGLECTED)
                    : assessment.signals().isEmpty() ? Optional.empty() : Optional.of(RISK_SIGNAL);
        };
    }
}
