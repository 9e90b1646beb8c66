package com.rapport.outreach.call;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * The planned call happened and became the logged contact {@code contactId}, which was logged
 * for {@code contactAccountId}.
 */
public record CompleteCall(@TargetAggregateIdentifier UUID callId, UUID contactId, UUID contactAccountId,
                           Instant occurredAt, Instant receivedAt) {
}
