package com.rapport.outreach.recording;

import com.rapport.events.AccountEvent;
import com.rapport.platform.problem.Conflict;

import java.time.Instant;
import java.util.function.Function;

/**
 * The rules every outreach record shares, as pure functions for the aggregates: an id names one
 * thing, a retry of the same request is accepted without a second event, and a later step of a
 * lifecycle is not dated before the step it follows.
 */
public final class Recording {

    private Recording() {
    }

    /**
     * A request for an id that already holds a record is accepted, without a second event,
     * only if it is the same request again (with or without its time).
     *
     * @param recorded    what the id holds
     * @param requestedAt the time the client gave, or null for "when received"
     * @param recording   the event the request would record, at a given time
     */
    public static <E extends AccountEvent> void requireRetry(String what, E recorded, Instant requestedAt,
                                                             Function<Instant, E> recording) {
        if (!recording.apply(requestedAt == null ? recorded.occurredAt() : requestedAt).equals(recorded)) {
            throw new Conflict(what + " was already recorded with other details");
        }
    }
}
