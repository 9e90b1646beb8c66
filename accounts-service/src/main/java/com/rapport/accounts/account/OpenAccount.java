package com.rapport.accounts.account;

import com.rapport.events.account.Tier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Open a client account.
 *
 * @param occurredAt what the client said (null: when it was received), kept apart from
 *                   {@code receivedAt} so that a retry without a time is the same request
 */
public record OpenAccount(@TargetAggregateIdentifier UUID accountId, String name, Tier tier, BigDecimal annualValue,
                          String currency, String ownerId, String timezone, Integer cadenceDays,
                          Instant occurredAt, Instant receivedAt) {
}
