package com.rapport.accounts.account;

import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.account.Tier;
import com.rapport.platform.problem.Conflict;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.problem.NotFound;
import com.rapport.platform.web.EventClock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client account's identity and standing. It guards that an id is opened once (a retry with
 * the same content is accepted without a second event, other content is refused), that
 * nothing is dated before the opening, and that losses and win-backs alternate. A loss or
 * win-back repeated exactly as recorded is a retry, however much happened since.
 */
@Aggregate
public class Account {

    @AggregateIdentifier
    private UUID accountId;
    private AccountOpened opening;
    private String name;
    private Tier tier;
    private BigDecimal annualValue;
    private String timezone;
    private Integer cadenceDays;
    private String ownerId;
    /** the loss in force, null while the client is with us */
    private AccountLost loss;
    private Instant wonBackAt;
    /** every loss and win-back, so that a client retrying late is answered as the first time */
    private final List<AccountLost> losses = new ArrayList<>();
    private final Set<Instant> winBacks = new HashSet<>();

    protected Account() {
        // for Axon, which rebuilds the account from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenAccount command) {
        if (opening == null) {
            apply(new AccountOpened(command.accountId(), command.name(), command.tier(), command.annualValue(),
                    command.currency(), command.ownerId(), command.timezone(), command.cadenceDays(),
                    command.occurredAt() == null ? command.receivedAt() : command.occurredAt()));
        } else if (!isSameOpening(command)) {
            throw new Conflict("Account " + accountId + " was already opened with other details");
        }
    }

    @CommandHandler
    public void handle(ChangeProfile command) {
        Instant occurredAt = dated(command.occurredAt(), command.receivedAt());
        AccountProfileChanged change = new AccountProfileChanged(accountId,
                changed(command.name(), name),
                changed(command.tier(), tier),
                command.annualValue() == null || command.annualValue().compareTo(annualValue) == 0 ? null : command.annualValue(),
                changed(command.timezone(), timezone),
                changed(command.cadenceDays(), cadenceDays),
                occurredAt);
        boolean changesSomething = change.name() != null || change.tier() != null || change.annualValue() != null
                || change.timezone() != null || change.cadenceDays() != null;
        if (changesSomething) {
            apply(change);
        }
    }

    @CommandHandler
    public void handle(AssignOwner command) {
        Instant occurredAt = dated(command.occurredAt(), command.receivedAt());
        if (!command.ownerId().equals(ownerId)) {
            apply(new AccountOwnerAssigned(accountId, command.ownerId(), ownerId, occurredAt));
        }
    }

    @CommandHandler
    public void handle(MarkLost command) {
        Instant occurredAt = dated(command.occurredAt(), command.receivedAt());
        if (isRecorded(command)) {
            return; // a retry: answered as the first time, nothing appended
        }
        if (loss != null) {
            throw new Conflict("Account " + accountId + " was already lost on " + loss.occurredAt()
                    + " (" + loss.reason() + "); win it back before recording another loss");
        }
        if (wonBackAt != null && occurredAt.isBefore(wonBackAt)) {
            throw new InvalidField("occurredAt", "NotBeforeWinBack",
                    "must not lie before the account was won back (" + wonBackAt + ")");
        }
        apply(new AccountLost(accountId, command.reason(), command.competitor(), command.note(), occurredAt));
    }

    @CommandHandler
    public void handle(WinBack command) {
        Instant occurredAt = dated(command.occurredAt(), command.receivedAt());
        if (command.occurredAt() != null && winBacks.contains(command.occurredAt())) {
            return; // a retry of a recorded win-back, whatever happened since
        }
        if (loss != null) {
            if (occurredAt.isBefore(loss.occurredAt())) {
                throw new InvalidField("occurredAt", "NotBeforeLoss",
                        "must not lie before the account was lost (" + loss.occurredAt() + ")");
            }
            apply(new AccountWonBack(accountId, occurredAt));
        } else if (wonBackAt == null) {
            throw new Conflict("Account " + accountId + " is not lost, so it cannot be won back");
        } else if (command.occurredAt() != null) {
            throw new Conflict("Account " + accountId + " was won back on " + wonBackAt
                    + " and is not lost, so it cannot be won back on " + command.occurredAt());
        }
        // else: already won back and no time named: a retry of that win-back
    }

    @EventSourcingHandler
    void on(AccountOpened opened) {
        accountId = opened.accountId();
        opening = opened;
        name = opened.name();
        tier = opened.tier();
        annualValue = opened.annualValue();
        timezone = opened.timezone();
        cadenceDays = opened.cadenceDays();
        ownerId = opened.ownerId();
    }

    @EventSourcingHandler
    void on(AccountProfileChanged changed) {
        name = Objects.requireNonNullElse(changed.name(), name);
        tier = Objects.requireNonNullElse(changed.tier(), tier);
        annualValue = Objects.requireNonNullElse(changed.annualValue(), annualValue);
        timezone = Objects.requireNonNullElse(changed.timezone(), timezone);
        cadenceDays = changed.cadenceDays() == null ? cadenceDays : changed.cadenceDays();
    }

    @EventSourcingHandler
    void on(AccountOwnerAssigned assigned) {
        ownerId = assigned.ownerId();
    }

    @EventSourcingHandler
    void on(AccountLost lost) {
        loss = lost;
        wonBackAt = null;
        losses.add(lost);
    }

    @EventSourcingHandler
    void on(AccountWonBack wonBack) {
        loss = null;
        wonBackAt = wonBack.occurredAt();
        winBacks.add(wonBack.occurredAt());
    }

    /** A time the client gave may not precede the opening; one it left out is when we received the request. */
    private Instant dated(Instant requested, Instant receivedAt) {
        if (opening == null) {
            throw new NotFound("No account with id " + accountId + " exists");
        }
        return EventClock.datedAfter(requested, receivedAt, opening.occurredAt(), "NotBeforeOpening", "the account was opened");
    }

    private boolean isSameOpening(OpenAccount command) {
        return opening.name().equals(command.name())
                && opening.tier() == command.tier()
                && opening.annualValue().compareTo(command.annualValue()) == 0
                && opening.currency().equals(command.currency())
                && opening.ownerId().equals(command.ownerId())
                && opening.timezone().equals(command.timezone())
                && Objects.equals(opening.cadenceDays(), command.cadenceDays())
                && (command.occurredAt() == null || command.occurredAt().equals(opening.occurredAt()));
    }

    /**
     * The loss in force may be retried without its time; an earlier one only with it, because
     * after a win-back the same reason, competitor and note without a time may be a new loss.
     */
    private boolean isRecorded(MarkLost command) {
        if (command.occurredAt() == null) {
            return loss != null && saysTheSame(loss, command);
        }
        return losses.stream().anyMatch(recorded ->
                saysTheSame(recorded, command) && recorded.occurredAt().equals(command.occurredAt()));
    }

    private static boolean saysTheSame(AccountLost recorded, MarkLost command) {
        return recorded.reason() == command.reason()
                && Objects.equals(recorded.competitor(), command.competitor())
                && Objects.equals(recorded.note(), command.note());
    }

    private static <T> T changed(T requested, T current) {
        return requested == null || requested.equals(current) ? null : requested;
    }
}
