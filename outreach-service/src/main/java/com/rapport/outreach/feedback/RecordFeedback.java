package com.rapport.outreach.feedback;

import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.FeedbackSource;
import com.rapport.outreach.account.AccountStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record what the client told us we do right, do wrong and could improve. */
public record RecordFeedback(@TargetAggregateIdentifier UUID feedbackId, UUID accountId, FeedbackSource source,
                             String doingRight, String doingWrong, String couldImprove, Integer npsScore,
                             String staffId, Instant occurredAt, Instant receivedAt, AccountStanding account) {

    FeedbackReceived recordedAt(Instant at) {
        return new FeedbackReceived(feedbackId, accountId, source, doingRight, doingWrong, couldImprove, npsScore, staffId, at);
    }
}
