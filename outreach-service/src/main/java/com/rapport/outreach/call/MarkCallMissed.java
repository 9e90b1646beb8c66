package com.rapport.outreach.call;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The planned call did not happen. */
public record MarkCallMissed(@TargetAggregateIdentifier UUID callId, Instant occurredAt, Instant receivedAt) {
}
