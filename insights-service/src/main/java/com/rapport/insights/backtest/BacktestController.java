package com.rapport.insights.backtest;

import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.losses.Window;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;

/**
 * The firm's own history replayed under the policy in force, or under a candidate: how early Rapport
 * would have warned before each loss, and how often it would have warned of accounts that stayed.
 * Reads every account's history, one at a time: a request costs a pass over the firm.
 */
@RestController
class BacktestController {

    /** @param policy changes to the policy in force, in its JSON shape: see {@link CandidatePolicies} */
    record BacktestRequest(Instant from, Instant to, @NotNull ObjectNode policy) {
    }

    private final AccountHistories histories;
    private final HealthPolicy inForce;
    private final CandidatePolicies candidates;
    private final Clock clock;

    BacktestController(AccountHistories histories, HealthPolicy inForce, CandidatePolicies candidates, Clock clock) {
        this.histories = histories;
        this.inForce = inForce;
        this.candidates = candidates;
        this.clock = clock;
    }

    /** Losses and monthly assessments in [from, to), by default the whole history up to now. */
    @GetMapping("/api/insights/backtest")
    BacktestReport inForce(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return backtest(inForce, window(from, to));
    }

    @PostMapping("/api/insights/backtest")
    BacktestReport candidate(@Valid @RequestBody BacktestRequest request, HttpServletRequest http) {
        Window window = window(request.from(), request.to());
        HealthPolicy candidate;
        try {
            candidate = candidates.over(inForce, request.policy());
        } catch (JacksonException unfit) {
            // refused as the body's own fields are: the problem names policy.<field> and the rule
            throw new HttpMessageNotReadableException("The policy does not fit: " + unfit.getOriginalMessage(), unfit,
                    new ServletServerHttpRequest(http));
        }
        return backtest(candidate, window);
    }

    private BacktestReport backtest(HealthPolicy policy, Window window) {
        return new Backtest(policy).run(histories.everyAccount(), window);
    }

    private Window window(Instant from, Instant to) {
        return Window.ofHistory(from, to, clock.instant());
    }
}
