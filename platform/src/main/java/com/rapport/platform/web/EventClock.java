package com.rapport.platform.web;

import com.rapport.platform.problem.InvalidField;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's clock for recorded events: when a request was received, the check that a time
 * a client gave does not lie in the future beyond a small clock skew, and that it does not lie
 * before what the event follows.
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

    /**
     * When an event that follows {@code start} (an opening, a step of a lifecycle) happened: the time
     * the client gave, which may not precede it, or else when the request was received (but not
     * before the start).
     *
     * @param rule the rule a too early time breaks, e.g. {@code NotBeforeOpening}
     * @param what what {@code start} is, in words: "the account was opened"
     */
    public static Instant datedAfter(Instant requested, Instant receivedAt, Instant start, String rule, String what) {
        if (requested == null) {
            return receivedAt.isBefore(start) ? start : receivedAt;
        }
        if (requested.isBefore(start)) {
            throw new InvalidField("occurredAt", rule, "must not lie before " + what + " (" + start + ")");
        }
        return requested;
    }
}
