package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The client answered a pitch. */
@EventType(name = "rapport.outreach.pitch-outcome-recorded")
public record PitchOutcomeRecorded(
        UUID pitchId,
        UUID accountId,
        PitchOutcome outcome,
        Instant occurredAt) implements AccountEvent {
}
