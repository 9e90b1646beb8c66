package com.rapport.accounts.account;

import com.rapport.events.account.Tier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Change some of an account's profile; a null field stays as it is. */
public record ChangeProfile(@TargetAggregateIdentifier UUID accountId, String name, Tier tier, BigDecimal annualValue,
                            String timezone, Integer cadenceDays, Instant occurredAt, Instant receivedAt) {
}
