package com.rapport.outreach.pitch;

import com.rapport.events.outreach.PitchMade;
import com.rapport.outreach.account.AccountStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Pitch a service to an existing client as if they were a new prospect. */
public record MakePitch(@TargetAggregateIdentifier UUID pitchId, UUID accountId, String offering, boolean faceToFace,
                        String staffId, Instant occurredAt, Instant receivedAt, AccountStanding account) {

    PitchMade recordedAt(Instant at) {
        return new PitchMade(pitchId, accountId, offering, faceToFace, staffId, at);
    }
}
