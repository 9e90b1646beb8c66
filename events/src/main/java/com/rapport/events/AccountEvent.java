package com.rapport.events;

import java.util.UUID;

/** A published event about one account: the account it concerns, besides when it happened. */
public interface AccountEvent extends PublishedEvent {

    UUID accountId();
}
