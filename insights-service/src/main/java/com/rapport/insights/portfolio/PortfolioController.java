package com.rapport.insights.portfolio;

import com.rapport.events.AccountEvent;
import com.rapport.insights.assessment.AssessmentView;
import com.rapport.insights.assessment.Assessments;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.history.AccountHistories;
import com.rapport.platform.problem.InvalidField;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The portfolio figures now, at any past moment, and over time. */
@RestController
class PortfolioController {

    /**
     * Each point assesses every account at its moment, so points bound the work of one request:
     * a quarter day by day (91), two years week by week (105).
     */
    static final int MOST_POINTS = 120;

    private final Assessments assessments;
    private final AccountHistories histories;
    private final HealthPolicy policy;
    private final Clock clock;

    PortfolioController(Assessments assessments, AccountHistories histories, HealthPolicy policy, Clock clock) {
        this.assessments = assessments;
        this.histories = histories;
        this.policy = policy;
        this.clock = clock;
    }

    record Trend(Instant from, Instant to, Duration step, List<PortfolioFigures> points) {
    }

    @GetMapping("/api/insights/portfolio")
    PortfolioFigures portfolio(@RequestParam(required = false) Instant asOf) {
        Instant now = clock.instant();
        if (asOf == null) {
            return PortfolioFigures.of(now, assessments.all());
        }
        requireNotFuture("asOf", asOf, now);
        return PortfolioFigures.of(asOf, assessedAt(asOf, allHistories()));
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
        List<List<AccountEvent>> all = allHistories();
        List<PortfolioFigures> points = new ArrayList<>();
        for (Instant moment = start; !moment.isAfter(end); moment = moment.plus(step)) {
            points.add(PortfolioFigures.of(moment, assessedAt(moment, all)));
        }
        return new Trend(start, end, step, points);
    }

    private List<List<AccountEvent>> allHistories() {
        return histories.all().toList();
    }

    private List<AssessmentView> assessedAt(Instant moment, List<List<AccountEvent>> all) {
        return all.stream()
                .map(history -> HealthModel.assess(history, moment, policy))
                .flatMap(Optional::stream)
                .map(AssessmentView::of)
                .toList();
    }

    private static void requireNotFuture(String field, Instant moment, Instant now) {
        if (moment.isAfter(now)) {
            throw new InvalidField(field, "NotInFuture", "must not lie in the future: health is known up to now (" + now + ")");
        }
    }
}
