package com.rapport.outreach.recording;

import com.rapport.outreach.account.AccountStanding;
import com.rapport.outreach.account.KnownAccounts;
import com.rapport.platform.web.CommandReply;
import com.rapport.platform.web.EventClock;
import com.rapport.platform.web.RequestedId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

/** The steps every outreach endpoint shares, between a valid request body and its answer. */
@Component
public class Recorder {

    /** Builds the command for a new record once its id, times and account are known. */
    @FunctionalInterface
    public interface NewRecord {
        Object command(UUID id, Instant occurredAt, Instant receivedAt, AccountStanding account);
    }

    /** Builds the command for the next step of a lifecycle. */
    @FunctionalInterface
    public interface NextStep {
        Object command(Instant occurredAt, Instant receivedAt);
    }

    private final CommandGateway commands;
    private final KnownAccounts accounts;
    private final EventClock clock;

    public Recorder(CommandGateway commands, KnownAccounts accounts, EventClock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Records something new that happened with an account: 201 with its id once the event is
     * committed; the same request again gets the same answer and appends nothing.
     *
     * @param kind   names what is recorded, so one Idempotency-Key cannot name two kinds of record
     * @param needed the standing the record needs, which a loss or win-back just made may still be on its way to
     */
    public ResponseEntity<CommandReply> recordNew(UUID accountId, String kind, Predicate<AccountStanding> needed,
                                                  UUID requestedId, String idempotencyKey, Instant occurredAt,
                                                  NewRecord record) {
        Instant requestedAt = clock.requireNotInFuture(occurredAt);
        UUID id = RequestedId.resolve(requestedId, idempotencyKey, "outreach." + kind);
        AccountStanding account = accounts.standing(accountId, needed);
        commands.sendAndWait(record.command(id, requestedAt, clock.now(), account));
        return CommandReply.created("/api/outreach/accounts/" + accountId + "/timeline", id);
    }

    /** Records the next step of a pitch, a need or a call: 202 once its event is committed. */
    public ResponseEntity<CommandReply> recordStep(UUID id, Instant occurredAt, NextStep step) {
        commands.sendAndWait(step.command(clock.requireNotInFuture(occurredAt), clock.now()));
        return ResponseEntity.accepted().body(new CommandReply(id));
    }
}
