package com.rapport.outreach.timeline;

import com.rapport.outreach.account.KnownAccounts;
import com.rapport.platform.problem.NotFound;
import com.rapport.platform.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
class TimelineController {

    private final Timeline timeline;
    private final KnownAccounts accounts;

    TimelineController(Timeline timeline, KnownAccounts accounts) {
        this.timeline = timeline;
        this.accounts = accounts;
    }

    @GetMapping("/api/outreach/accounts/{accountId}/timeline")
    Page<TimelineItem> timeline(@PathVariable UUID accountId,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Page<TimelineItem> items = timeline.of(accountId, page, size);
        if (items.total() == 0 && !accounts.isKnown(accountId)) {
            throw new NotFound("No account with id " + accountId + " exists");
        }
        return items;
    }
}
