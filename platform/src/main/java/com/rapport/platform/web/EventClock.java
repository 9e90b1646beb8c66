package com.rapport.platform.web;

import com.rapport.platform.problem.InvalidField;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a recorded event happened: now, unless the client says otherwise, and never in the
 * future beyond a small clock skew.
 */
public final class EventClock {

    private final Clock clock;
    private final Duration skew;

    public EventClock(Clock clock, Duration skew) {
        this.clock = clock;
        this.skew = skew;
    }

    public Instant now() {
        return clock.instant();
    }

    public Instant occurredAt(Instant requested) {
        Instant now = now();
        if (requested == null) {
            return now;
        }
        if (requested.isAfter(now.plus(skew))) {
            throw new InvalidField("occurredAt", "NotInFuture",
                    "must not lie in the future (it is " + now + "; clocks may run ahead by " + skew + ")");
        }
        return requested;
    }
}
