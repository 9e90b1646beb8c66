package com.rapport.outreach.interview;

import com.rapport.events.account.LossReason;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.WinBackChance;
import com.rapport.outreach.account.AccountStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Record what a client we lost told us about why they left. */
public record RecordExitInterview(@TargetAggregateIdentifier UUID interviewId, UUID accountId, LossReason primaryReason,
                                  List<LossReason> otherReasons, String competitor, String whatWeCouldHaveDone,
                                  WinBackChance winBackChance, String staffId, Instant occurredAt, Instant receivedAt,
                                  AccountStanding account) {

    LostClientInterviewRecorded recordedAt(Instant at) {
        return new LostClientInterviewRecorded(interviewId, accountId, primaryReason, otherReasons, competitor,
                whatWeCouldHaveDone, winBackChance, staffId, at);
    }
}
