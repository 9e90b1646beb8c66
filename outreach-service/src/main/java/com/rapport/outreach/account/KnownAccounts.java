package com.rapport.outreach.account;

import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountWonBack;
import com.rapport.platform.problem.NotFound;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The accounts outreach knows of, from the account events in the shared store: its own
 * processor and table, never a call to accounts-service. A request for an account whose events
 * have not reached the table yet waits for the table to change, told by the processor once each
 * change is committed, and for no longer than {@code rapport.outreach.account-wait} on the clock.
 */
@Component
@ProcessingGroup(KnownAccounts.PROCESSOR)
public class KnownAccounts {

    public static final String PROCESSOR = "known-accounts";

    private final JdbcClient jdbc;
    private final Duration patience;
    private final Clock clock;
    private final Lock changes = new ReentrantLock();
    private final Condition changed = changes.newCondition();
    private long changesCommitted;

    public KnownAccounts(JdbcClient jdbc, OutreachProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.patience = properties.accountWait();
        this.clock = clock;
    }

    @EventHandler
    void on(AccountOpened opened) {
        jdbc.sql("INSERT INTO outreach.known_account (account_id, opened_at, lost) VALUES (:id, :openedAt, FALSE)")
                .param("id", opened.accountId())
                .param("openedAt", opened.occurredAt().atOffset(ZoneOffset.UTC))
                .update();
        announceOnCommit();
    }

    @EventHandler
    void on(AccountLost lost) {
        markLost(lost.accountId(), true);
    }

    @EventHandler
    void on(AccountWonBack wonBack) {
        markLost(wonBack.accountId(), false);
    }

    @ResetHandler
    void forgetEverything() {
        jdbc.sql("DELETE FROM outreach.known_account").update();
        announceOnCommit();
    }

    /** Until when a request that arrives now waits for what outreach does not know yet of its account. */
    public Instant patienceEnds() {
        return clock.instant().plus(patience);
    }

    /**
     * The account's standing. An account opened a moment ago through the gateway may not have
     * reached this table yet: while it is unknown, wait for its event until {@code patienceEnds}.
     */
    public AccountStanding standing(UUID accountId, Instant patienceEnds) {
        return await(accountId, Optional::isPresent, patienceEnds).orElseThrow(() -> unknown(accountId));
    }

    /**
     * The account's standing once it is no longer {@code seen}: a loss or a win-back made a moment
     * ago may not have reached this table yet. Empty if it has not changed by {@code patienceEnds}.
     */
    public Optional<AccountStanding> changedFrom(AccountStanding seen, Instant patienceEnds) {
        Optional<AccountStanding> unchanged = Optional.of(seen);
        return await(seen.accountId(), standing -> !standing.equals(unchanged), patienceEnds)
                .filter(standing -> !standing.equals(seen));
    }

    /** The standing of each of these accounts that outreach knows, read at once. */
    public Map<UUID, AccountStanding> standings(Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT account_id, opened_at, lost FROM outreach.known_account WHERE account_id IN (:ids)")
                .param("ids", Set.copyOf(accountIds))
                .query((row, number) -> standingOf(row.getObject("account_id", UUID.class), row))
                .list().stream()
                .collect(Collectors.toMap(AccountStanding::accountId, Function.identity()));
    }

    /** The answer to a record for an account outreach does not know. */
    public static NotFound unknown(UUID accountId) {
        return new NotFound("No account with id " + accountId + " exists");
    }

    public boolean isKnown(UUID accountId) {
        return find(accountId).isPresent();
    }

    private Optional<AccountStanding> find(UUID accountId) {
        return jdbc.sql("SELECT opened_at, lost FROM outreach.known_account WHERE account_id = :id")
                .param("id", accountId)
                .query((row, number) -> standingOf(accountId, row))
                .optional();
    }

    private static AccountStanding standingOf(UUID accountId, ResultSet row) throws SQLException {
        return new AccountStanding(accountId, row.getObject("opened_at", OffsetDateTime.class).toInstant(),
                row.getBoolean("lost"));
    }

    private void markLost(UUID accountId, boolean lost) {
        jdbc.sql("UPDATE outreach.known_account SET lost = :lost WHERE account_id = :id")
                .param("id", accountId)
                .param("lost", lost)
                .update();
        announceOnCommit();
    }

    /**
     * Reads the account's standing until it is what is wanted, or patience ends; then reads it once
     * more, for a change committed by a segment another instance runs, which tells no one here.
     */
    private Optional<AccountStanding> await(UUID accountId, Predicate<Optional<AccountStanding>> wanted,
                                            Instant patienceEnds) {
        while (true) {
            long committedBefore = changesCommitted();
            Optional<AccountStanding> standing = find(accountId);
            if (wanted.test(standing)) {
                return standing;
            }
            if (!awaitChangeAfter(committedBefore, patienceEnds)) {
                return find(accountId);
            }
        }
    }

    // waiters read the table only after a commit, so they are told once it is visible to them
    private void announceOnCommit() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> announce());
        } else {
            announce();
        }
    }

    private void announce() {
        changes.lock();
        try {
            changesCommitted++;
            changed.signalAll();
        } finally {
            changes.unlock();
        }
    }

    private long changesCommitted() {
        changes.lock();
        try {
            return changesCommitted;
        } finally {
            changes.unlock();
        }
    }

    /**
     * @return whether a change was committed after the {@code committed}th before patience ended; the
     * clock says how long is left, and a clock that stands still (in a test) still waits that long once
     */
    private boolean awaitChangeAfter(long committed, Instant patienceEnds) {
        changes.lock();
        try {
            while (changesCommitted == committed) {
                Duration left = Duration.between(clock.instant(), patienceEnds);
                if (left.isNegative() || left.isZero() || !changed.await(left.toNanos(), TimeUnit.NANOSECONDS)) {
                    return changesCommitted != committed;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an account", e);
        } finally {
            changes.unlock();
        }
    }
}
