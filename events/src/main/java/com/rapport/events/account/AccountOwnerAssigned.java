package com.rapport.events.account;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** The account has a new owner, the member of staff who answers for the relationship. */
@EventType(name = "rapport.accounts.account-owner-assigned")
public record AccountOwnerAssigned(
        UUID accountId,
        String ownerId,
        String previousOwnerId,
        Instant occurredAt) implements AccountEvent {
}
