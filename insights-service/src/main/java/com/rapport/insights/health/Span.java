package com.rapport.insights.health;

import com.rapport.platform.problem.InvalidField;

import java.time.Duration;
import java.time.Instant;

/** The stretch of time a question about health is asked of: from a moment to a later one, health being known up to now. */
public record Span(Instant from, Instant to) {

    /**
     * @param from left out: {@code defaultLength} before {@code to}
     * @param to   left out: now
     */
    public static Span of(Instant from, Instant to, Duration defaultLength, Instant now) {
        Instant end = to != null ? to : now;
        Instant start = from != null ? from : end.minus(defaultLength);
        if (end.isAfter(now)) {
            throw new InvalidField("to", "NotInFuture", "must not lie in the future: health is known up to now (" + now + ")");
        }
        if (!start.isBefore(end)) {
            throw new InvalidField("from", "BeforeTo", "must lie before to (" + end + ")");
        }
        return new Span(start, end);
    }
}
