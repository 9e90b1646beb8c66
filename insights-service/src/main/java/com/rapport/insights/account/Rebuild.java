package com.rapport.insights.account;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * A rebuild of the account read models from the event store, beside the live ones: while it runs, the
 * {@code histories} processor fills the {@link Tables#NEXT} tables and publishes nothing, and queries
 * go on reading the live tables. When every segment of the processor has reached the store's head as
 * it was when the rebuild started, and the portfolio's days have been worked out for every account,
 * the rebuilt rows replace the live ones in one transaction, and what is owed of what was not
 * published meanwhile is made due.
 * <p>
 * The rebuild's row is locked by the processor for each batch it writes while rebuilding, and by the
 * switch, so that no batch writes to the tables being replaced.
 */
@Component
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    private final JdbcClient jdbc;
    private final EventStorageEngine store;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final TokenStore tokens;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Rebuild(JdbcClient jdbc, EventStorageEngine store, ObjectProvider<EventProcessingConfiguration> processing,
                   TokenStore tokens, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.processing = processing;
        this.tokens = tokens;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Empties the tables to rebuild and notes until where the store must be replayed into them. */
    void start() {
        for (String table : tablesOf(Tables.NEXT)) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("DELETE FROM insights.rebuild WHERE read_model = :model").param("model", AccountProjection.PROCESSOR).update();
        jdbc.sql("INSERT INTO insights.rebuild (read_model, started_at, until_position) VALUES (:model, :at, :until)")
                .param("model", AccountProjection.PROCESSOR)
                .param("at", Timestamp.from(clock.instant()))
                .param("until", head())
                .update();
        log.info("Rebuilding the account read models from the event store up to global index {}; queries go on "
                + "answering from the live tables meanwhile", head());
    }

    /** The tables the processor writes to in this transaction; while rebuilding, the switch waits for it. */
    Tables target() {
        return jdbc.sql("SELECT read_model FROM insights.rebuild WHERE read_model = :model FOR UPDATE")
                .param("model", AccountProjection.PROCESSOR)
                .query(String.class)
                .optional()
                .isPresent() ? Tables.NEXT : Tables.LIVE;
    }

    public boolean inProgress() {
        return jdbc.sql("SELECT COUNT(*) FROM insights.rebuild WHERE read_model = :model")
                .param("model", AccountProjection.PROCESSOR)
                .query(Long.class)
                .single() > 0;
    }

    /** Replaces the live tables with the rebuilt ones once every segment has replayed far enough. */
    @Scheduled(fixedDelayString = "${rapport.insights.rebuild-check-every:PT2S}")
    public void switchWhenDone() {
        transaction.executeWithoutResult(status -> {
            List<Long> until = jdbc.sql("SELECT COALESCE(until_position, -1) FROM insights.rebuild"
                            + " WHERE read_model = :model FOR UPDATE")
                    .param("model", AccountProjection.PROCESSOR)
                    .query(Long.class)
                    .list();
            if (until.isEmpty()) {
                return;
            }
            if (until.get(0) < 0) {
                // a rebuild started by a migration, before the store could be asked for its head
                jdbc.sql("UPDATE insights.rebuild SET until_position = :until WHERE read_model = :model")
                        .param("model", AccountProjection.PROCESSOR)
                        .param("until", head())
                        .update();
                return;
            }
            if (!everySegmentReached(until.get(0)) || daysStillToWorkOut()) {
                return;
            }
            for (String table : tablesOf(Tables.LIVE)) {
                jdbc.sql("DELETE FROM " + table).update();
                jdbc.sql("INSERT INTO " + table + " SELECT * FROM " + table + "_next").update();
                jdbc.sql("DELETE FROM " + table + "_next").update();
            }
            owedConclusionsAreDue();
            jdbc.sql("DELETE FROM insights.rebuild WHERE read_model = :model").param("model", AccountProjection.PROCESSOR).update();
            log.info("Rebuilt the account read models up to global index {}: the live tables now hold the rebuilt rows",
                    until.get(0));
        });
    }

    /**
     * Nothing is published while rebuilding, so an account whose band or neglect changed in events
     * recorded meanwhile (or that a changed model now judges otherwise) has a conclusion owed: its row is
     * made due, and the next scheduled round publishes it.
     */
    private void owedConclusionsAreDue() {
        int owed = jdbc.sql("UPDATE " + Tables.LIVE.health() + " SET next_change_at = :now"
                        + " WHERE (NOT lost AND (published_band IS NULL OR published_band <> band))"
                        + " OR published_neglected <> neglected")
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (owed > 0) {
            log.info("{} accounts' band or neglect changed while rebuilding: the next re-assessment publishes it", owed);
        }
    }

    /** The rebuilt portfolio days are whole once every account noted while rebuilding has been worked out. */
    private boolean daysStillToWorkOut() {
        return jdbc.sql("SELECT COUNT(*) FROM " + Tables.NEXT.portfolioDirty()).query(Long.class).single() > 0;
    }

    private boolean everySegmentReached(long until) {
        StreamingEventProcessor processor = processing.getObject()
                .eventProcessor(AccountProjection.PROCESSOR, StreamingEventProcessor.class)
                .orElse(null);
        if (processor == null) {
            return false;
        }
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.size() < tokens.fetchSegments(AccountProjection.PROCESSOR).length) {
            // another instance holds a segment: a rebuild needs every segment here (see README)
            return false;
        }
        return segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .allMatch(position -> position.orElse(0) >= until);
    }

    private long head() {
        TrackingToken head = store.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(0);
    }

    private static List<String> tablesOf(Tables tables) {
        return List.of(tables.health(), tables.needs(), tables.losses(), tables.portfolioDays(), tables.portfolioAccounts(),
                tables.portfolioDirty());
    }
}
