package com.rapport.insights.assessment;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.insights.account.AccountState;
import com.rapport.insights.account.AccountStates;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.health.RiskSignal;
import com.rapport.insights.health.Runway;
import com.rapport.insights.health.Series;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.policy.Policies;
import com.rapport.insights.policy.PolicyHistory;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.problem.NotFound;
import com.rapport.platform.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

@RestController
class HealthController {

    private final AccountStates states;
    private final AccountHistories histories;
    private final Assessments assessments;
    private final Policies policies;
    private final Clock clock;

    HealthController(AccountStates states, AccountHistories histories, Assessments assessments, Policies policies,
                     Clock clock) {
        this.states = states;
        this.histories = histories;
        this.assessments = assessments;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * One account's health, now or at any past moment, with every factor: now from its state as last
     * folded, a past moment from its history up to then; each under the health policy in force then.
     */
    @GetMapping("/api/insights/accounts/{accountId}/health")
    AssessmentView health(@PathVariable UUID accountId, @RequestParam(required = false) Instant asOf) {
        AccountState state = states.state(accountId)
                .orElseThrow(() -> new NotFound("No account with id " + accountId + " is known to insights"));
        Instant now = clock.instant();
        Instant moment = asOf != null ? asOf : now.isBefore(state.foldedTo()) ? state.foldedTo() : now;
        HealthPolicy policy = policies.inForceAt(moment);
        AccountState then = moment.isBefore(state.foldedTo())
                ? AccountState.fold(histories.of(accountId), moment, policy)
                : state;
        return HealthModel.assess(then, moment, policy)
                .map(assessment -> AssessmentView.of(assessment, HealthModel.runway(then, moment, policy).orElse(null)))
                .orElseThrow(() -> new InvalidField("asOf", "NotBeforeOpening",
                        "must not lie before the account was opened (" + state.openedAt() + ")"));
    }

    /** One point of an account's health over time. */
    record HealthPoint(Instant asOf, int score, HealthBand band, boolean neglected, long daysSinceContact) {
    }

    record HealthHistory(UUID accountId, Instant from, Instant to, Duration step, List<HealthPoint> points) {
    }

    /**
     * The account's health every {@code step} from {@code from} to {@code to} (defaults: the last 12 weeks,
     * weekly), its history folded once, forward; moments before it was opened have no point. Each moment is
     * assessed under the health policy in force then.
     */
    @GetMapping("/api/insights/accounts/{accountId}/health/history")
    HealthHistory history(@PathVariable UUID accountId, @RequestParam(required = false) Instant from,
                          @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "P7D") Duration step) {
        Series series = Series.of(from, to, step, Duration.ofDays(12 * 7), clock.instant());
        List<AccountEvent> history = histories.of(accountId);
        if (history.isEmpty()) {
            throw new NotFound("No account with id " + accountId + " is known to insights");
        }
        PolicyHistory versions = policies.history();
        AccountState state = new AccountState();
        int folded = 0;
        List<HealthPoint> points = new ArrayList<>();
        for (Instant moment : series.moments()) {
            while (folded < history.size() && !history.get(folded).occurredAt().isAfter(moment)) {
                state.apply(history.get(folded++), versions.inForceAt(moment));
            }
            HealthModel.assess(state, moment, versions.inForceAt(moment)).ifPresent(assessment -> points.add(new HealthPoint(moment,
                    assessment.score(), assessment.band(), assessment.neglected(), assessment.daysSinceContact())));
        }
        return new HealthHistory(accountId, series.from(), series.to(), series.step(), points);
    }

    /**
     * The accounts we still have, the most value at risk first unless {@code sort} says otherwise; {@code flagged}
     * and {@code signal} (a risk signal's key) pick the accounts that need a call, {@code runwayWithin} those
     * that will need one within that time if nothing happens.
     */
    @GetMapping("/api/insights/health")
    Page<JsonNode> portfolio(@RequestParam(required = false) HealthBand band,
                             @RequestParam(required = false) @Size(max = 100) String owner,
                             @RequestParam(required = false) Tier tier,
                             @RequestParam(required = false) Boolean neglected,
                             @RequestParam(required = false) Boolean flagged,
                             @RequestParam(required = false) String signal,
                             @RequestParam(required = false) Duration runwayWithin,
                             @RequestParam(defaultValue = "RISK") Assessments.Order sort,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return assessments.list(new Assessments.Filter(band, owner == null || owner.isBlank() ? null : owner.strip(),
                tier, neglected, flagged, signal == null || signal.isBlank() ? null : signalNamed(signal.strip()),
                runwayWithin == null ? null : clock.instant().plus(runwayAsked(runwayWithin))), sort, page, size);
    }

    /** Runways are looked for a year ahead: a longer one cannot be asked for. */
    private static Duration runwayAsked(Duration within) {
        if (within.isNegative() || within.isZero()) {
            throw new InvalidField("runwayWithin", "Min", "must be a positive ISO-8601 duration, e.g. P30D");
        }
        if (within.compareTo(Runway.HORIZON) > 0) {
            throw new InvalidField("runwayWithin", "Max", "must be at most P365D: runways are looked for a year ahead");
        }
        return within;
    }

    private static RiskSignal signalNamed(String key) {
        return RiskSignal.ofKey(key).orElseThrow(() -> new InvalidField("signal", "OneOf", "must be one of "
                + Arrays.stream(RiskSignal.values()).map(RiskSignal::key).collect(Collectors.joining(", "))));
    }
}
