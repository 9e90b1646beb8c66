package com.rapport.insights.history;

import com.rapport.events.AccountEvent;
import com.rapport.platform.eventstore.KeptEvents;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Every account's history as insights keeps it: a copy of each event of the other services, per
 * account, so that one account's history can be folded again without reading the whole store (an
 * event that arrives after later ones, an assessment as of a past moment, a loss judged again).
 * Insights' own conclusions are not part of it.
 * <p>
 * The table is a copy of the append-only store, one row per event: a rebuild adds the events that
 * are missing and leaves the rest. Each row keeps the event in the revision it was kept in, and is
 * read back upcast to the current one, as the store's own events are.
 */
@Component
public class AccountHistories {

    /** An event to keep, with what the store knows of it. */
    public record Kept(String eventId, long position, AccountEvent event) {
    }

    /** How many accounts' histories a pass over every account reads at once. */
    static final int ACCOUNTS_PER_READ = 500;

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final KeptEvents kept;

    public AccountHistories(JdbcClient jdbc, Serializer serializer, KeptEvents kept) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.kept = kept;
    }

    /**
     * Keeps the events that are not kept yet.
     *
     * @return those that were new, in the order given: the others were kept before (a replay, a redelivery)
     */
    public List<Kept> keep(List<Kept> events) {
        List<Kept> added = new ArrayList<>();
        for (Kept event : events) {
            SerializedObject<byte[]> payload = serializer.serialize(event.event(), byte[].class);
            // No conflict target, which H2 (PostgreSQL mode) does not accept; the event id is the only constraint.
            int inserted = jdbc.sql("""
                            INSERT INTO insights.account_event
                                (event_id, account_id, position, occurred_at, payload_type, payload_revision, payload)
                            VALUES (:eventId, :accountId, :position, :occurredAt, :type, :revision, :payload)
                            ON CONFLICT DO NOTHING""")
                    .param("eventId", event.eventId())
                    .param("accountId", event.event().accountId())
                    .param("position", event.position())
                    .param("occurredAt", event.event().occurredAt().atOffset(ZoneOffset.UTC))
                    .param("type", payload.getType().getName())
                    .param("revision", payload.getType().getRevision())
                    .param("payload", new String(payload.getData(), StandardCharsets.UTF_8))
                    .update();
            if (inserted > 0) {
                added.add(event);
            }
        }
        return added;
    }

    /** The account's events in the order they happened; empty for an account insights has not heard of. */
    public List<AccountEvent> of(UUID accountId) {
        return of(accountId, Long.MAX_VALUE);
    }

    /** The account's events up to a position of the store, in the order they happened. */
    public List<AccountEvent> of(UUID accountId, long upToPosition) {
        return jdbc.sql("""
                        SELECT event_id, payload_type, payload_revision, payload FROM insights.account_event
                        WHERE account_id = :id AND position <= :position ORDER BY occurred_at, position""")
                .param("id", accountId)
                .param("position", upToPosition)
                .query((row, number) -> read(row))
                .list();
    }

    /**
     * Every account's history, one account after another, each in the order its events happened: read
     * {@value #ACCOUNTS_PER_READ} accounts at a time, so that a pass over the whole firm (a backtest) holds
     * only a few of them in memory.
     */
    public Stream<List<AccountEvent>> everyAccount() {
        return everyAccount(ACCOUNTS_PER_READ);
    }

    Stream<List<AccountEvent>> everyAccount(int accountsPerRead) {
        return Stream.iterate(accountsAfter(null, accountsPerRead), accounts -> !accounts.isEmpty(),
                        accounts -> accountsAfter(accounts.get(accounts.size() - 1), accountsPerRead))
                .flatMap(this::historiesOf);
    }

    /** The next accounts in the order of their ids, after {@code after} (null: from the first). */
    private List<UUID> accountsAfter(UUID after, int count) {
        return jdbc.sql("SELECT DISTINCT account_id FROM insights.account_event"
                        + (after == null ? "" : " WHERE account_id > :after") + " ORDER BY account_id LIMIT :count")
                .params(after == null ? Map.of("count", count) : Map.of("after", after, "count", count))
                .query(UUID.class)
                .list();
    }

    private Stream<List<AccountEvent>> historiesOf(List<UUID> accounts) {
        Map<UUID, List<AccountEvent>> histories = new LinkedHashMap<>();
        accounts.forEach(account -> histories.put(account, new ArrayList<>()));
        jdbc.sql("""
                        SELECT account_id, event_id, payload_type, payload_revision, payload FROM insights.account_event
                        WHERE account_id IN (:accounts) ORDER BY account_id, occurred_at, position""")
                .param("accounts", accounts)
                .query(row -> {
                    histories.get(row.getObject("account_id", UUID.class)).add(read(row));
                });
        return histories.values().stream();
    }

    /** The position in the store of the account's newest kept event; 0 for an account insights has not heard of. */
    public long lastPosition(UUID accountId) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM insights.account_event WHERE account_id = :id")
                .param("id", accountId)
                .query(Long.class)
                .single();
    }

    private AccountEvent read(ResultSet row) throws SQLException {
        return (AccountEvent) kept.read(row.getString("event_id"), row.getString("payload_type"),
                row.getString("payload_revision"), row.getString("payload"));
    }
}
