package com.rapport.events;

import java.time.Instant;

/**
 * What every published event carries: when it happened in the world. Nearly every event concerns one
 * account ({@link AccountEvent}); a few concern the firm as a whole, e.g. a change of the health policy.
 */
public interface PublishedEvent {

    /** When it happened, which may be earlier than when it was recorded: history can be imported. */
    Instant occurredAt();
}
