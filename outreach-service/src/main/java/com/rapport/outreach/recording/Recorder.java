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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps every outreach endpoint shares, between a valid request body and its answer, and
 * an import's line between the same body and its command.
 */
@Component
public class Recorder {

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
     * committed; the same request again gets the same answer and appends nothing. The account may
     * have been opened, lost or won back a moment ago through the gateway, its event still on its
     * way to outreach: an unknown account is waited for, and a record its aggregate refuses for the
     * account's standing is asked for again once that standing changes, both within one patience.
     */
    public ResponseEntity<CommandReply> recordNew(NewRecord record, String idempotencyKey) {
        Instant requestedAt = clock.requireNotInFuture(record.occurredAt());
        UUID id = idOf(record, idempotencyKey);
        Instant patienceEnds = accounts.patienceEnds();
        AccountStanding account = accounts.standing(record.accountId(), patienceEnds);
        while (true) {
            try {
                commands.sendAndWait(record.command().of(id, requestedAt, clock.now(), account));
                return CommandReply.created("/api/outreach/accounts/" + record.accountId() + "/timeline", id);
            } catch (AccountStanding.Refused refused) {
                account = accounts.changedFrom(account, patienceEnds).orElseThrow(() -> refused);
            }
        }
    }

    /** Records the next step of a pitch, a need or a call: 202 once its event is committed. */
    public ResponseEntity<CommandReply> recordStep(NextStep step) {
        commands.sendAndWait(commandOf(step));
        return ResponseEntity.accepted().body(new CommandReply(step.id()));
    }

    /**
     * The command for a line of an import, with the standing of its account as the chunk found it:
     * an import waits for the accounts its earlier lines recorded before its chunk is read
     * ({@code ImportController}), so there is nothing to wait for here.
     *
     * @param standings the standing of each account the chunk names that outreach knows
     */
    public Object commandFor(Recordable recordable, Map<UUID, AccountStanding> standings) {
        if (recordable instanceof NewRecord record) {
            Instant requestedAt = clock.requireNotInFuture(record.occurredAt());
            AccountStanding account = Optional.ofNullable(standings.get(record.accountId()))
                    .orElseThrow(() -> KnownAccounts.unknown(record.accountId()));
            return record.command().of(idOf(record, null), requestedAt, clock.now(), account);
        }
        return commandOf((NextStep) recordable);
    }

    private static UUID idOf(NewRecord record, String idempotencyKey) {
        return RequestedId.resolve(record.requestedId(), idempotencyKey, "outreach." + record.kind());
    }

    private Object commandOf(NextStep step) {
        return step.command().of(clock.requireNotInFuture(step.occurredAt()), clock.now());
    }
}
