package com.rapport.accounts.directory;

import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.platform.web.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The account directory: projected from the account events by the {@code directory}
 * processor, in the same transaction as its token, and queried by the directory endpoints.
 */
@Component
@ProcessingGroup(AccountDirectory.PROCESSOR)
public class AccountDirectory {

    public static final String PROCESSOR = "directory";

    private static final String COLUMNS = """
            account_id, name, tier, annual_value, currency, owner_id, timezone, cadence_days,
            status, opened_at, lost_at, loss_reason, competitor, updated_at""";

    private static final RowMapper<DirectoryEntry> ENTRY = (row, number) -> new DirectoryEntry(
            row.getObject("account_id", UUID.class),
            row.getString("name"),
            Tier.valueOf(row.getString("tier")),
            row.getBigDecimal("annual_value"),
            row.getString("currency"),
            row.getString("owner_id"),
            row.getString("timezone"),
            row.getObject("cadence_days", Integer.class),
            AccountStatus.valueOf(row.getString("status")),
            instant(row.getObject("opened_at", OffsetDateTime.class)),
            instant(row.getObject("lost_at", OffsetDateTime.class)),
            row.getString("loss_reason") == null ? null : LossReason.valueOf(row.getString("loss_reason")),
            row.getString("competitor"),
            instant(row.getObject("updated_at", OffsetDateTime.class)));

    private final JdbcClient jdbc;

    public AccountDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountOpened opened, @Timestamp Instant recordedAt) {
        jdbc.sql("INSERT INTO accounts.account_directory (" + COLUMNS + ") "
                        + "VALUES (:id, :name, :tier, :value, :currency, :owner, :timezone, :cadence, 'ACTIVE', :openedAt, NULL, NULL, NULL, :at)")
                .param("id", opened.accountId())
                .param("name", opened.name())
                .param("tier", opened.tier().name())
                .param("value", opened.annualValue())
                .param("currency", opened.currency())
                .param("owner", opened.ownerId())
                .param("timezone", opened.timezone())
                .param("cadence", opened.cadenceDays())
                .param("openedAt", utc(opened.occurredAt()))
                .param("at", utc(recordedAt))
                .update();
    }

    @EventHandler
    void on(AccountProfileChanged changed, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        UPDATE accounts.account_directory SET
                            name = COALESCE(:name, name),
                            tier = COALESCE(:tier, tier),
                            annual_value = COALESCE(:value, annual_value),
                            timezone = COALESCE(:timezone, timezone),
                            cadence_days = COALESCE(:cadence, cadence_days),
                            updated_at = :at
                        WHERE account_id = :id""")
                .param("id", changed.accountId())
                .param("name", changed.name())
                .param("tier", changed.tier() == null ? null : changed.tier().name())
                .param("value", changed.annualValue())
                .param("timezone", changed.timezone())
                .param("cadence", changed.cadenceDays())
                .param("at", utc(recordedAt))
                .update();
    }

    @EventHandler
    void on(AccountOwnerAssigned assigned, @Timestamp Instant recordedAt) {
        jdbc.sql("UPDATE accounts.account_directory SET owner_id = :owner, updated_at = :at WHERE account_id = :id")
                .param("id", assigned.accountId())
                .param("owner", assigned.ownerId())
                .param("at", utc(recordedAt))
                .update();
    }

    @EventHandler
    void on(AccountLost lost, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        UPDATE accounts.account_directory SET
                            status = 'LOST', lost_at = :lostAt, loss_reason = :reason, competitor = :competitor, updated_at = :at
                        WHERE account_id = :id""")
                .param("id", lost.accountId())
                .param("lostAt", utc(lost.occurredAt()))
                .param("reason", lost.reason().name())
                .param("competitor", lost.competitor())
                .param("at", utc(recordedAt))
                .update();
    }

    @EventHandler
    void on(AccountWonBack wonBack, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        UPDATE accounts.account_directory SET
                            status = 'ACTIVE', lost_at = NULL, loss_reason = NULL, competitor = NULL, updated_at = :at
                        WHERE account_id = :id""")
                .param("id", wonBack.accountId())
                .param("at", utc(recordedAt))
                .update();
    }

    @ResetHandler
    void forgetEverything() {
        jdbc.sql("DELETE FROM accounts.account_directory").update();
    }

    public Optional<DirectoryEntry> find(UUID accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts.account_directory WHERE account_id = :id")
                .param("id", accountId)
                .query(ENTRY)
                .optional();
    }

    public Page<DirectoryEntry> list(DirectoryQuery query) {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        if (query.ownerId() != null) {
            conditions.add("owner_id = :owner");
        }
        if (query.tier() != null) {
            conditions.add("tier = :tier");
        }
        if (query.status() != null) {
            conditions.add("status = :status");
        }
        if (query.text() != null) {
            conditions.add("LOWER(name) LIKE :text ESCAPE '\\'");
        }
        String where = " FROM accounts.account_directory WHERE " + String.join(" AND ", conditions);
        long total = bind(jdbc.sql("SELECT COUNT(*)" + where), query).query(Long.class).single();
        List<DirectoryEntry> items = bind(jdbc.sql("SELECT " + COLUMNS + where
                        + " ORDER BY LOWER(name), account_id LIMIT :limit OFFSET :offset"), query)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(ENTRY)
                .list();
        return new Page<>(items, query.page(), query.size(), total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, DirectoryQuery query) {
        if (query.ownerId() != null) {
            statement = statement.param("owner", query.ownerId());
        }
        if (query.tier() != null) {
            statement = statement.param("tier", query.tier().name());
        }
        if (query.status() != null) {
            statement = statement.param("status", query.status().name());
        }
        if (query.text() != null) {
            statement = statement.param("text", "%" + likeEscaped(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return statement;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
