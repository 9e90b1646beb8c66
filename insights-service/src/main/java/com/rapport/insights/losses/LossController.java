package com.rapport.insights.losses;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

@RestController
class LossController {

    private final LossRows losses;
    private final Clock clock;

    LossController(LossRows losses, Clock clock) {
        this.losses = losses;
        this.clock = clock;
    }

    /**
     * The accounts lost in [from, to), by default in the last 365 days: why, whether we asked, how early we
     * knew, a page of them newest first with what they all add up to.
     */
    @GetMapping("/api/insights/losses")
    LossReport losses(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return losses.report(Window.of(from, to, clock.instant()), page, size);
    }
}
