package com.rapport.accounts.account;

import com.rapport.events.account.LossReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that the client left us. */
public record MarkLost(@TargetAggregateIdentifier UUID accountId, LossReason reason, String competitor, String note,
                       Instant occurredAt, Instant receivedAt) {
}
