package com.rapport.platform.web;

import com.rapport.platform.problem.InvalidField;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's clock for recorded events: when a request was received, and the check that a
 * time a client gave does not lie in the future beyond a small clock skew.
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

    /** @return the time the client gave, which may be null (then the event is dated when received) */
    public Instant requireNotInFuture(Instant requested) {
        Instant now = now();
        if (requested != null && requested.isAfter(now.plus(skew))) {
            throw new InvalidField("occurredAt", "NotInFuture",
                    "must not lie in the future (it is " + now + "; clocks may run ahead by " + skew + ")");
        }
        return requested;
    }
}
