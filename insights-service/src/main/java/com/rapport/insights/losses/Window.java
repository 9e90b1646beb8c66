package com.rapport.insights.losses;

import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.web.PermittedTimes;

import java.time.Duration;
import java.time.Instant;

/** The losses a report covers: those that occurred in [from, to). */
public record Window(Instant from, Instant to) {

    static final Duration DEFAULT_LENGTH = Duration.ofDays(365);

    /** Every loss there ever was. */
    public static final Window ALL_TIME = new Window(Instant.MIN, Instant.MAX);

    /** Either end may be left out: {@code to} is then now, {@code from} a year before {@code to}. */
    public static Window of(Instant from, Instant to, Instant now) {
        Instant end = to != null ? to : now;
        Instant start = from != null ? from : end.minus(DEFAULT_LENGTH);
        if (!start.isBefore(end)) {
            throw new InvalidField("from", "BeforeTo", "must be before to (" + end + ")");
        }
        return new Window(start, end);
    }

    /**
     * A window of the firm's history, as a backtest or a calibration reads it: history is known up to now;
     * left out, {@code from} is the earliest moment anything can be recorded at, {@code to} now.
     */
    public static Window ofHistory(Instant from, Instant to, Instant now) {
        if (to != null && to.isAfter(now)) {
            throw new InvalidField("to", "NotInFuture", "must not lie in the future: history is known up to now (" + now + ")");
        }
        return of(from != null ? from : PermittedTimes.EARLIEST, to, now);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
