package com.rapport.insights.calibration;

import com.rapport.insights.backtest.Backtest;
import com.rapport.insights.backtest.BacktestReport;
import com.rapport.insights.health.Factor;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.losses.Window;
import com.rapport.insights.policy.Policies;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The health policy fitted to the firm's own losses, beside the policy in force, each with its backtest
 * over the same window: what a leader compares before applying the proposal with {@code PUT /api/insights/policy}
 * (this read applies nothing).
 */
@RestController
class CalibrationController {

    /**
     * @param changes the proposal as changes to the policy in force, in the shape the backtest's POST and the
     *                policy's PUT take
     */
    record ProposalView(boolean enough, String why, String method, Map<String, Double> coefficients,
                        Map<String, Object> changes, Judged current, Judged proposed) {
    }

    record Judged(HealthPolicy policy, BacktestReport backtest) {
    }

    private static final String METHOD = "Weights: a logistic regression of a loss within " + Calibration.HORIZON_DAYS
            + " days on each factor's shortfall, over assessments replayed week by week; each weight is its coefficient's"
            + " share of the positive ones. Then the AT_RISK threshold (5 to 95) and which risk signals flag, searched"
            + " for the most losses flagged ahead within the false-alarm target. Cadences, windows and signal thresholds"
            + " are kept.";

    private final AccountHistories histories;
    private final Policies policies;
    private final Clock clock;

    CalibrationController(AccountHistories histories, Policies policies, Clock clock) {
        this.histories = histories;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * @param falseAlarms the largest share of monthly assessments of accounts kept that may be flagged
     */
    @GetMapping("/api/insights/policy/proposal")
    ProposalView proposal(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                          @RequestParam(defaultValue = "0.10") @DecimalMin("0.01") @DecimalMax("0.5") double falseAlarms) {
        Window window = Window.ofHistory(from, to, clock.instant());
        HealthPolicy inForce = policies.current();
        Calibration.Proposal proposal = new Calibration(falseAlarms, Backtest.OUTSIDE_BY_DEFAULT)
                .propose(histories.everyAccount(), window, inForce);
        Judged current = new Judged(inForce, new Backtest(inForce).run(histories.everyAccount(), window));
        Judged proposed = proposal.enough()
                ? new Judged(proposal.proposed(), new Backtest(proposal.proposed()).run(histories.everyAccount(), window))
                : current;
        Map<String, Double> coefficients = new LinkedHashMap<>();
        proposal.coefficients().forEach((factor, coefficient) -> coefficients.put(factor.key(), coefficient));
        return new ProposalView(proposal.enough(), proposal.why(), METHOD, coefficients,
                proposal.enough() ? changes(proposal.proposed()) : Map.of(), current, proposed);
    }

    /** What calibration fits, as changes over the policy in force. */
    private static Map<String, Object> changes(HealthPolicy proposed) {
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<Factor, Integer> weights = new TreeMap<>(proposed.weights());
        changes.put("weights", weights);
        changes.put("healthyFrom", proposed.healthyFrom());
        changes.put("watchFrom", proposed.watchFrom());
        changes.put("atRiskFrom", proposed.atRiskFrom());
        changes.put("signals", Map.of("off", List.copyOf(new TreeSet<>(proposed.signals().off()))));
        return changes;
    }
}
