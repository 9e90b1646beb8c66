package com.rapport.events;

import java.time.Instant;
import java.util.UUID;

/** What every published event carries: the account it concerns and when it happened in the world. */
public interface AccountEvent {

    UUID accountId();

    /** When it happened, which may be earlier than when it was recorded: history can be imported. */
    Instant occurredAt();
}
