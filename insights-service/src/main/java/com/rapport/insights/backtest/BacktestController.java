package com.rapport.insights.backtest;

import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.losses.Window;
import com.rapport.insights.policy.CandidatePolicies;
import com.rapport.insights.policy.Policies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;

/**
 * The firm's own history replayed under the policy in force now, or under a candidate: how early Rapport
 * would have warned before each loss, and how often it would have warned of accounts that stayed.
 * The whole history is replayed under one policy, whatever was in force when, so that two policies can
 * be compared. Reads every account's history, one at a time: a request costs a pass over the firm.
 */
@RestController
class BacktestController {

    /** @param policy changes to the policy in force, in its JSON shape: see {@link CandidatePolicies} */
    record BacktestRequest(Instant from, Instant to, @NotNull ObjectNode policy) {
    }

    private final AccountHistories histories;
    private final Policies policies;
    private final CandidatePolicies candidates;
    private final Clock clock;

    BacktestController(AccountHistories histories, Policies policies, CandidatePolicies candidates, Clock clock) {
        this.histories = histories;
        this.policies = policies;
        this.candidates = candidates;
        this.clock = clock;
    }

    /** Losses and monthly assessments in [from, to), by default the whole history up to now. */
    @GetMapping("/api/insights/backtest")
    BacktestReport inForce(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return backtest(policies.current(), window(from, to));
    }

    @PostMapping("/api/insights/backtest")
    BacktestReport candidate(@Valid @RequestBody BacktestRequest request, HttpServletRequest http) {
        Window window = window(request.from(), request.to());
        return backtest(candidates.over(policies.current(), request.policy(), "policy", http), window);
    }

    private BacktestReport backtest(HealthPolicy policy, Window window) {
        return new Backtest(policy).run(histories.everyAccount(), window);
    }

    private Window window(Instant from, Instant to) {
        return Window.ofHistory(from, to, clock.instant());
    }
}
