package com.rapport.insights.losses;

import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.history.AccountHistories;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

@RestController
class LossController {

    private final AccountHistories histories;
    private final HealthPolicy policy;
    private final Clock clock;

    LossController(AccountHistories histories, HealthPolicy policy, Clock clock) {
        this.histories = histories;
        this.policy = policy;
        this.clock = clock;
    }

    /** The accounts lost in [from, to), by default in the last 365 days: why, whether we asked, how early we knew. */
    @GetMapping("/api/insights/losses")
    LossReport losses(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        Window window = Window.of(from, to, clock.instant());
        return new LossAnalysis(policy).report(histories.all(), window);
    }
}
