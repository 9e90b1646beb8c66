package com.rapport.insights.health;

import java.time.Duration;
import java.time.Instant;

/**
 * When an account will be flagged if nothing happens, and by what: the time left to call before the
 * health model warns. See {@link HealthModel#runway}.
 *
 * @param flaggedAt the first moment it is flagged: the moment asked about when it is flagged already
 * @param because   the flag, as {@link Assessment#flags()} names it: AT_RISK, CRITICAL, NEGLECTED or a risk
 *                  signal's key; the first of them when several come at once
 */
public record Runway(Instant flaggedAt, String because) {

    /** How far ahead a runway is looked for: an account not flagged within it has none. */
    public static final Duration HORIZON = Duration.ofDays(365);

    static Runway of(Assessment flagged) {
        return new Runway(flagged.asOf(), flagged.flags().get(0));
    }

    /** Whole days from {@code asOf} until the flag: 0 when it is flagged within a day, or already. */
    public long daysFrom(Instant asOf) {
        return Math.max(0, Duration.between(asOf, flaggedAt).toDays());
    }
}
