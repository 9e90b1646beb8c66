package com.rapport.insights.portfolio;

import com.rapport.platform.problem.InvalidField;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The portfolio figures now, at any past moment, and over time. Now is added up from the latest
 * assessments; a past moment is read from the figures kept for the start of its day (00:00 UTC), so
 * each point of a trend, and a past {@code asOf}, says in its {@code asOf} which moment it describes.
 */
@RestController
class PortfolioController {

    static final int MOST_POINTS = 400;

    private final LivePortfolio live;
    private final PortfolioDays days;
    private final Clock clock;

    PortfolioController(LivePortfolio live, PortfolioDays days, Clock clock) {
        this.live = live;
        this.days = days;
        this.clock = clock;
    }

    record Trend(Instant from, Instant to, Duration step, List<PortfolioFigures> points) {
    }

    @GetMapping("/api/insights/portfolio")
    PortfolioFigures portfolio(@RequestParam(required = false) Instant asOf) {
        Instant now = clock.instant();
        if (asOf == null) {
            return live.figures(now);
        }
        requireNotFuture("asOf", asOf, now);
        return days.at(asOf);
    }

    /** Figures every {@code step} from {@code from} to {@code to} (defaults: the last 90 days, daily). */
    @GetMapping("/api/insights/portfolio/trend")
    Trend trend(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                @RequestParam(defaultValue = "P1D") Duration step) {
        Instant now = clock.instant();
        Instant end = to != null ? to : now;
        Instant start = from != null ? from : end.minus(Duration.ofDays(90));
        requireNotFuture("to", end, now);
        if (!start.isBefore(end)) {
            throw new InvalidField("from", "BeforeTo", "must lie before to (" + end + ")");
        }
        if (step.isNegative() || step.isZero() || step.compareTo(Duration.ofHours(1)) < 0) {
            throw new InvalidField("step", "Min", "must be at least PT1H");
        }
        if (Duration.between(start, end).dividedBy(step) >= MOST_POINTS) {
            throw new InvalidField("step", "Points", "gives more than " + MOST_POINTS + " points between from and to; take a longer step");
        }
        List<Instant> moments = new ArrayList<>();
        for (Instant moment = start; !moment.isAfter(end); moment = moment.plus(step)) {
            moments.add(moment);
        }
        return new Trend(start, end, step, days.at(moments));
    }

    private static void requireNotFuture(String field, Instant moment, Instant now) {
        if (moment.isAfter(now)) {
            throw new InvalidField(field, "NotInFuture", "must not lie in the future: health is known up to now (" + now + ")");
        }
    }
}
