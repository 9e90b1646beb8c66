package com.rapport.insights.history;

import com.rapport.events.AccountEvent;
import com.rapport.events.insights.HealthBandChanged;
import com.rapport.events.insights.NeglectFlagCleared;
import com.rapport.events.insights.NeglectFlagRaised;
import com.rapport.platform.eventstore.KeptEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Every account's history, as the health model reads it: the events of the other services,
 * kept per account by the {@code histories} processor, each new one followed by a re-assessment
 * of its account. Insights' own conclusions are not part of the history.
 * <p>
 * A rebuild (a reset of the processor) replays the store into the same table without emptying
 * it first: the table is a copy of the append-only store, one row per event, so adding the
 * events that are missing gives what a fresh build would, and the queries keep answering from
 * the rows already there. Only an account whose history gained an event is re-assessed; the
 * scheduled re-assessment covers the rest, and time passing.
 * <p>
 * Each row keeps the event in the revision it was kept in, and is read back upcast to the current
 * one, as the store's own events are.
 */
@Component
@ProcessingGroup(AccountHistories.PROCESSOR)
public class AccountHistories {

    public static final String PROCESSOR = "histories";

    private static final Logger log = LoggerFactory.getLogger(AccountHistories.class);

    private static final long PROGRESS_EVERY = 1000;

    private static final Set<Class<?>> CONCLUSIONS = Set.of(HealthBandChanged.class, NeglectFlagRaised.class,
            NeglectFlagCleared.class);

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final KeptEvents kept;
    private final HistoryListener listener;

    public AccountHistories(JdbcClient jdbc, Serializer serializer, KeptEvents kept, HistoryListener listener) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.kept = kept;
        this.listener = listener;
    }

    @EventHandler
    void on(AccountEvent event, EventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        if (CONCLUSIONS.contains(event.getClass())) {
            return;
        }
        boolean added = keep(event, message, token);
        if (replay.isReplay() && token.position().orElse(0) % PROGRESS_EVERY == 0) {
            log.info("Rebuilding the account histories: at global index {}", token.position().orElse(0));
        }
        if (added) {
            listener.historyChanged(event.accountId(), replay.isReplay());
        }
    }

    @ResetHandler
    void rebuildInPlace() {
        log.info("Rebuilding the account histories from the event store; queries go on answering meanwhile");
    }

    /**
     * Adds the event unless it is kept already, in one statement.
     *
     * @return whether it was added, i.e. the account's history changed
     */
    private boolean keep(AccountEvent event, EventMessage<?> message, TrackingToken token) {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        // No conflict target, which H2 (PostgreSQL mode) does not accept; the event id is the only constraint.
        return jdbc.sql("""
                        INSERT INTO insights.account_event
                            (event_id, account_id, position, occurred_at, payload_type, payload_revision, payload)
                        VALUES (:eventId, :accountId, :position, :occurredAt, :type, :revision, :payload)
                        ON CONFLICT DO NOTHING""")
                .param("eventId", message.getIdentifier())
                .param("accountId", event.accountId())
                .param("position", token.position().orElse(0))
                .param("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC))
                .param("type", payload.getType().getName())
                .param("revision", payload.getType().getRevision())
                .param("payload", new String(payload.getData(), StandardCharsets.UTF_8))
                .update() > 0;
    }

    /** The account's events in the order they happened; empty for an account insights has not heard of. */
    public List<AccountEvent> of(UUID accountId) {
        return jdbc.sql("""
                        SELECT event_id, payload_type, payload_revision, payload FROM insights.account_event
                        WHERE account_id = :id ORDER BY occurred_at, position""")
                .param("id", accountId)
                .query((row, number) -> read(row))
                .list();
    }

    /** Every account's history, each in the order its events happened, read in one query. */
    public Stream<List<AccountEvent>> all() {
        Map<UUID, List<AccountEvent>> byAccount = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT account_id, event_id, payload_type, payload_revision, payload FROM insights.account_event
                        ORDER BY account_id, occurred_at, position""")
                .query(row -> {
                    byAccount.computeIfAbsent(row.getObject("account_id", UUID.class), account -> new ArrayList<>())
                            .add(read(row));
                });
        return byAccount.values().stream();
    }

    private AccountEvent read(ResultSet row) throws SQLException {
        return (AccountEvent) kept.read(row.getString("event_id"), row.getString("payload_type"),
                row.getString("payload_revision"), row.getString("payload"));
    }

    public List<UUID> accounts() {
        return jdbc.sql("SELECT DISTINCT account_id FROM insights.account_event").query(UUID.class).list();
    }
}
