package com.rapport.events.account;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** A lost client came back. */
@EventType(name = "rapport.accounts.account-won-back")
public record AccountWonBack(UUID accountId, Instant occurredAt) implements AccountEvent {
}
