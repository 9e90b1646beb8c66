package com.rapport.outreach.recording;

import java.time.Instant;
import java.util.UUID;

/**
 * The next step of a pitch, a need or a call, as a valid request asks to record it.
 *
 * @param id         the pitch, need or call
 * @param occurredAt the time the client gave, if any
 */
public record NextStep(UUID id, Instant occurredAt, Command command) implements Recordable {

    /** Builds the command once its times are known. */
    @FunctionalInterface
    public interface Command {
        Object of(Instant occurredAt, Instant receivedAt);
    }
}
