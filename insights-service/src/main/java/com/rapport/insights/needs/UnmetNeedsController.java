package com.rapport.insights.needs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
class UnmetNeedsController {

    private final NeedRows needs;
    private final Clock clock;

    UnmetNeedsController(NeedRows needs, Clock clock) {
        this.needs = needs;
        this.clock = clock;
    }

    /** The needs of every account, ours and lost ones, in one status (open by default), oldest first. */
    @GetMapping("/api/insights/unmet-needs")
    UnmetNeedsReport unmetNeeds(@RequestParam(defaultValue = "OPEN") NeedStatus status,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return needs.report(status, page, size, clock.instant());
    }
}
