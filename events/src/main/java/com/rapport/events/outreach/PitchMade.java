package com.rapport.events.outreach;

import com.rapport.events.AccountEvent;
import com.rapport.events.Attributed;
import com.rapport.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** We (re-)pitched a service to an existing client, as if they were a new prospect. */
@EventType(name = "rapport.outreach.pitch-made")
public record PitchMade(
        UUID pitchId,
        UUID accountId,
        String offering,
        boolean faceToFace,
        String staffId,
        Instant occurredAt) implements AccountEvent, Attributed {
}
