package com.rapport.insights.assessment;

import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.history.AccountHistories;
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
import java.time.Instant;
import java.util.UUID;

@RestController
class HealthController {

    private final AccountHistories histories;
    private final Assessments assessments;
    private final HealthPolicy policy;
    private final Clock clock;

    HealthController(AccountHistories histories, Assessments assessments, HealthPolicy policy, Clock clock) {
        this.histories = histories;
        this.assessments = assessments;
        this.policy = policy;
        this.clock = clock;
    }

    /** One account's health, now or at any past moment, with every factor. */
    @GetMapping("/api/insights/accounts/{accountId}/health")
    AssessmentView health(@PathVariable UUID accountId, @RequestParam(required = false) Instant asOf) {
        var history = histories.of(accountId);
        if (history.isEmpty()) {
            throw new NotFound("No account with id " + accountId + " is known to insights");
        }
        Instant moment = asOf != null ? asOf : clock.instant();
        return HealthModel.assess(history, moment, policy).map(AssessmentView::of)
                .orElseThrow(() -> new InvalidField("asOf", "NotBeforeOpening",
                        "must not lie before the account was opened (" + history.get(0).occurredAt() + ")"));
    }

    /** The accounts we still have, the most value at risk first unless {@code sort} says otherwise. */
    @GetMapping("/api/insights/health")
    Page<JsonNode> portfolio(@RequestParam(required = false) HealthBand band,
                             @RequestParam(required = false) @Size(max = 100) String owner,
                             @RequestParam(required = false) Tier tier,
                             @RequestParam(required = false) Boolean neglected,
                             @RequestParam(defaultValue = "RISK") Assessments.Order sort,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return assessments.list(new Assessments.Filter(band, owner == null || owner.isBlank() ? null : owner.strip(),
                tier, neglected), sort, page, size);
    }
}
