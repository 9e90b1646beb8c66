package com.rapport.outreach.call;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Move a planned call, e.g. after reaching voicemail. */
public record RescheduleCall(@TargetAggregateIdentifier UUID callId, Instant dueAt, String why,
                             Instant occurredAt, Instant receivedAt) {
}
