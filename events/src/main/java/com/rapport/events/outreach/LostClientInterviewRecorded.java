package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.Attributed;
import com.rapport.events.EventType;
import com.rapport.events.account.LossReason;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** We called a client we lost and learned why they left. */
@EventType(name = "rapport.outreach.lost-client-interview-recorded")
public record LostClientInterviewRecorded(
        UUID interviewId,
        UUID accountId,
        LossReason primaryReason,
        List<LossReason> otherReasons,
        String competitor,
        String whatWeCouldHaveDone,
        WinBackChance winBackChance,
        String staffId,
        Instant occurredAt) implements AccountEvent, Attributed {

    public LostClientInterviewRecorded {
        otherReasons = otherReasons == null ? List.of() : List.copyOf(otherReasons);
    }
}
