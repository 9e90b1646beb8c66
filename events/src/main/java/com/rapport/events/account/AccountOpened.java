package com.rapport.events.account;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A client account was opened.
 *
 * @param annualValue what the account is worth a year, in {@code currency} (ISO 4217)
 * @param timezone    an IANA zone id, for "who to call today"
 * @param cadenceDays overrides the tier's contact cadence; null keeps the tier's
 */
@EventType(name = "rapport.accounts.account-opened")
public record AccountOpened(
        UUID accountId,
        String name,
        Tier tier,
        BigDecimal annualValue,
        String currency,
        String ownerId,
        String timezone,
        Integer cadenceDays,
        Instant occurredAt) implements AccountEvent {
}
