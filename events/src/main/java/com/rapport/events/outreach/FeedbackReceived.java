package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.Attributed;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * The client told us what we do right, what we do wrong and how we could improve.
 *
 * @param npsScore 0 to 10, or null when not asked
 * @param staffId  who heard it, or null (a survey)
 */
@EventType(name = "rapport.outreach.feedback-received")
public record FeedbackReceived(
        UUID feedbackId,
        UUID accountId,
        FeedbackSource source,
        String doingRight,
        String doingWrong,
        String couldImprove,
        Integer npsScore,
        String staffId,
        Instant occurredAt) implements AccountEvent, Attributed {
}
