package com.rapport.events.account;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The client left us. */
@EventType(name = "rapport.accounts.account-lost")
public record AccountLost(
        UUID accountId,
        LossReason reason,
        String competitor,
        String note,
        Instant occurredAt) implements AccountEvent {
}
