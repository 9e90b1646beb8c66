package com.rapport.outreach.account;

import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountWonBack;
import com.rapport.platform.problem.NotFound;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The accounts outreach knows of, from the account events in the shared store: its own
 * processor and table, never a call to accounts-service.
 */
@Component
@ProcessingGroup(KnownAccounts.PROCESSOR)
public class KnownAccounts {

    public static final String PROCESSOR = "known-accounts";

    private final JdbcClient jdbc;
    private final Duration patience;

    public KnownAccounts(JdbcClient jdbc, OutreachProperties properties) {
        this.jdbc = jdbc;
        this.patience = properties.accountWait();
    }

    @EventHandler
    void on(AccountOpened opened) {
        jdbc.sql("INSERT INTO outreach.known_account (account_id, opened_at, lost) VALUES (:id, :openedAt, FALSE)")
                .param("id", opened.accountId())
                .param("openedAt", opened.occurredAt().atOffset(ZoneOffset.UTC))
                .update();
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
    }

    /**
     * The account's standing. An account opened, lost or won back a moment ago through the
     * gateway may not have reached this table yet: when the account is unknown, or not as the
     * request needs it, wait a little for its events before answering with what is known.
     */
    public AccountStanding standing(UUID accountId, Predicate<AccountStanding> needed) {
        Instant deadline = Instant.now().plus(patience);
        Optional<AccountStanding> standing = find(accountId);
        while (!standing.map(needed::test).orElse(false) && Instant.now().isBefore(deadline)) {
            pause();
            standing = find(accountId);
        }
        return standing.orElseThrow(() -> unknown(accountId));
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
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an account", e);
        }
    }
}
