package com.rapport.outreach.recording;

import com.rapport.outreach.account.AccountStanding;

import java.time.Instant;
import java.util.UUID;

/**
 * Something new that happened with an account, as a valid request asks to record it.
 *
 * @param kind        names what is recorded, so one Idempotency-Key cannot name two kinds of record
 * @param requestedId the id the client chose, if any
 * @param occurredAt  the time the client gave, if any
 */
public record NewRecord(UUID accountId, String kind, UUID requestedId, Instant occurredAt, Command command)
        implements Recordable {

    /** Builds the command once the record's id, times and account are known. */
    @FunctionalInterface
    public interface Command {
        Object of(UUID id, Instant occurredAt, Instant receivedAt, AccountStanding account);
    }
}
