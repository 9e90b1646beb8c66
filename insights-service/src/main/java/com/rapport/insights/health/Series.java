package com.rapport.insights.health;

import com.rapport.platform.problem.InvalidField;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The moments a series of figures is asked for: every {@code step} of a {@link Span} from {@code from}
 * to {@code to}. A series has at most {@link #MOST_POINTS} points, so that one
 * request costs a bounded amount.
 */
public record Series(Instant from, Instant to, Duration step) {

    /** A quarter day by day (91 points), two years week by week (105). */
    public static final int MOST_POINTS = 120;
    static final Duration SHORTEST_STEP = Duration.ofHours(1);

    /**
     * @param from    left out: {@code defaultLength} before {@code to}
     * @param to      left out: now
     * @param step    at least an hour
     */
    public static Series of(Instant from, Instant to, Duration step, Duration defaultLength, Instant now) {
        Span span = Span.of(from, to, defaultLength, now);
        if (step.compareTo(SHORTEST_STEP) < 0) {
            throw new InvalidField("step", "Min", "must be at least PT1H");
        }
        if (Duration.between(span.from(), span.to()).dividedBy(step) >= MOST_POINTS) {
            throw new InvalidField("step", "Points", "gives more than " + MOST_POINTS
                    + " points between from and to; take a longer step");
        }
        return new Series(span.from(), span.to(), step);
    }

    /** From {@code from} on, every step, up to {@code to}. */
    public List<Instant> moments() {
        List<Instant> moments = new ArrayList<>();
        for (Instant moment = from; !moment.isAfter(to); moment = moment.plus(step)) {
            moments.add(moment);
        }
        return moments;
    }
}
