package com.rapport.events.insights;

/** How healthy a relationship is, from its score: HEALTHY 75+, WATCH 50-74, AT_RISK 25-49, CRITICAL below 25. */
public enum HealthBand {
    HEALTHY, WATCH, AT_RISK, CRITICAL
}
