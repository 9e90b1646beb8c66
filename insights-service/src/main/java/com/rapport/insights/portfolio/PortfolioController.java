package com.rapport.insights.portfolio;

import com.rapport.insights.health.Series;
import com.rapport.platform.problem.InvalidField;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The portfolio figures now, at any past moment, and over time. Now is added up from the latest
 * assessments; a past moment is read from the figures kept for the start of its day (00:00 UTC), so
 * each point of a trend, and a past {@code asOf}, says in its {@code asOf} which moment it describes.
 */
@RestController
class PortfolioController {

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
        Series series = Series.of(from, to, step, Duration.ofDays(90), clock.instant());
        return new Trend(series.from(), series.to(), series.step(), days.at(series.moments()));
    }

    private static void requireNotFuture(String field, Instant moment, Instant now) {
        if (moment.isAfter(now)) {
            throw new InvalidField(field, "NotInFuture", "must not lie in the future: health is known up to now (" + now + ")");
        }
    }
}
