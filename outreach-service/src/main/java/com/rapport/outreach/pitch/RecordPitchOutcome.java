package com.rapport.outreach.pitch;

import com.rapport.events.outreach.PitchOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record how the client answered a pitch. */
public record RecordPitchOutcome(@TargetAggregateIdentifier UUID pitchId, PitchOutcome outcome,
                                 Instant occurredAt, Instant receivedAt) {
}
