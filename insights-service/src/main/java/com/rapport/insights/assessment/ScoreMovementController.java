package com.rapport.insights.assessment;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountOpened;
import com.rapport.insights.health.ScoreMovement;
import com.rapport.insights.health.Span;
import com.rapport.insights.history.AccountHistories;
import com.rapport.insights.policy.Policies;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.problem.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
class ScoreMovementController {

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    /** Each event costs two assessments: this bounds what one request costs, whatever the range. */
    static final int MOST_EVENTS = 1_000;

    private final AccountHistories histories;
    private final Policies policies;
    private final Clock clock;

    ScoreMovementController(AccountHistories histories, Policies policies, Clock clock) {
        this.histories = histories;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * Why the account's score moved from {@code from} to {@code to} (defaults: the last 30 days), factor by
     * factor, with the events that moved it; a range that starts before the account was opened starts at
     * the opening. The whole range is read under the health policy in force at its end, so that the parts add
     * up to the change: a change of the policy within the range moves nothing here.
     */
    @GetMapping("/api/insights/accounts/{accountId}/health/movement")
    ScoreMovementView movement(@PathVariable UUID accountId, @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to) {
        Span span = Span.of(from, to, DEFAULT_RANGE, clock.instant());
        List<AccountEvent> history = histories.of(accountId);
        if (history.isEmpty()) {
            throw new NotFound("No account with id " + accountId + " is known to insights");
        }
        long events = history.stream()
                .filter(event -> event.occurredAt().isAfter(span.from()) && !event.occurredAt().isAfter(span.to()))
                .count();
        if (events > MOST_EVENTS) {
            throw new InvalidField("from", "MostEvents", "takes in " + events + " events up to to, more than "
                    + MOST_EVENTS + ": ask about a shorter range");
        }
        return ScoreMovement.between(history, span.from(), span.to(), policies.inForceAt(span.to())).map(ScoreMovementView::of)
                .orElseThrow(() -> new InvalidField("to", "NotBeforeOpening",
                        "must not lie before the account was opened (" + openedAt(history) + ")"));
    }

    private static Instant openedAt(List<AccountEvent> history) {
        return history.stream().filter(AccountOpened.class::isInstance).map(AccountEvent::occurredAt).findFirst()
                .orElse(null);
    }
}
