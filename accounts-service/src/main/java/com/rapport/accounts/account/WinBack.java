package com.rapport.accounts.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that a lost client came back. */
public record WinBack(@TargetAggregateIdentifier UUID accountId, Instant occurredAt, Instant receivedAt) {
}
