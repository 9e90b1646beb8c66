package com.rapport.accounts.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Make a member of staff answer for the account. */
public record AssignOwner(@TargetAggregateIdentifier UUID accountId, String ownerId,
                          Instant occurredAt, Instant receivedAt) {
}
