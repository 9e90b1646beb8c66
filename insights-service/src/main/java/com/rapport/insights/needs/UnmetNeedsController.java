package com.rapport.insights.needs;

import com.rapport.insights.history.AccountHistories;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

@RestController
class UnmetNeedsController {

    private final AccountHistories histories;
    private final Clock clock;

    UnmetNeedsController(AccountHistories histories, Clock clock) {
        this.histories = histories;
        this.clock = clock;
    }

    /** The needs of every account, ours and lost ones, in one status (open by default), oldest first. */
    @GetMapping("/api/insights/unmet-needs")
    UnmetNeedsReport unmetNeeds(@RequestParam(defaultValue = "OPEN") NeedStatus status,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Instant now = clock.instant();
        List<Need> needs = histories.all()
                .flatMap(history -> UnmetNeeds.of(history, now).stream())
                .toList();
        return UnmetNeedsReport.of(needs, status, page, size);
    }
}
