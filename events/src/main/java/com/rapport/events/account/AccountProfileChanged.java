package com.rapport.events.account;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Some of an account's profile changed; a null field did not change. */
@EventType(name = "rapport.accounts.account-profile-changed")
public record AccountProfileChanged(
        UUID accountId,
        String name,
        Tier tier,
        BigDecimal annualValue,
        String timezone,
        Integer cadenceDays,
        Instant occurredAt) implements AccountEvent {
}
