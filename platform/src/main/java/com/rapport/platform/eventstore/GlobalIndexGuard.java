package com.rapport.platform.eventstore;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the global index from going backwards under this service's processors.
 * <p>
 * A store that lost events its processors had already handled (a database crash that lost
 * acknowledged commits, a restore from an older backup) would hand their positions out again,
 * and a processor past them would skip the new events for good. So before the processors start,
 * and every few seconds after (the database may come back from such a loss while the service
 * runs), the guard compares the newest event in the store with the furthest position any of
 * this service's processors has reached. If the store is behind, it moves the sequence past that
 * position and logs an ERROR naming both.
 * <p>
 * The sequence is moved by drawing values from it, never by setting it: two services that find
 * the same loss at once each move it forward, whichever is first.
 */
public final class GlobalIndexGuard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GlobalIndexGuard.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final long MOST_DRAWN_AT_ONCE = 1_000_000;
    private static final String SEQUENCE = EventStoreSchema.SCHEMA + ".domain_event_entry_global_index";

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final String tokenTable;
    /** The furthest position the sequence is known to be past: no need to draw from it again until then. */
    private volatile long sequencePast;
    private ScheduledExecutorService checks;

    public GlobalIndexGuard(DataSource dataSource, Serializer serializer, String schema) {
        this.jdbc = JdbcClient.create(dataSource);
        this.serializer = serializer;
        this.tokenTable = schema + ".token_entry";
    }

    /**
     * Moves the global index past every position this service's processors have reached, if the
     * store is behind them.
     *
     * @return the next global index the sequence hands out, if it had to be moved
     */
    public OptionalLong check() {
        Map<String, Long> reached = reachedByProcessor();
        if (reached.isEmpty()) {
            return OptionalLong.empty();
        }
        long furthest = Collections.max(reached.values());
        long newest = jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM " + EventStoreSchema.SCHEMA + ".domain_event_entry")
                .query(Long.class).single();
        if (newest >= furthest || sequencePast >= furthest) {
            return OptionalLong.empty();
        }
        long next = draw(1);
        if (next > furthest) {
            // moved on already, by another instance or service that found the same loss
            sequencePast = furthest;
            return OptionalLong.empty();
        }
        while (next <= furthest) {
            next = draw(Math.min(furthest - next + 1, MOST_DRAWN_AT_ONCE));
        }
        sequencePast = furthest;
        log.error("The event store is behind this service's processors: its newest event is at global index {}, "
                        + "but the processors reached {} ({}). Events up to {} that they handled are gone from the store "
                        + "(a database crash lost acknowledged commits, or it was restored from an older backup). "
                        + "Moved the global index on: the next event gets {} or later, so none is given a position the "
                        + "processors have passed.",
                newest, furthest, reached, furthest, next + 1);
        return OptionalLong.of(next + 1);
    }

    /** The furthest global index each processor's segments have reached, a replay's included. */
    private Map<String, Long> reachedByProcessor() {
        Map<String, Long> reached = new TreeMap<>();
        jdbc.sql("SELECT processor_name, token_type, token FROM " + tokenTable + " WHERE token IS NOT NULL")
                .query(rows -> {
                    String processor = rows.getString("processor_name");
                    TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(
                            rows.getBytes("token"), byte[].class, rows.getString("token_type"), null));
                    WrappedToken.unwrapUpperBound(token).position()
                            .ifPresent(position -> reached.merge(processor, position, Math::max));
                });
        return reached;
    }

    /** Draws the given number of values from the sequence and answers the last. */
    private long draw(long values) {
        return jdbc.sql("SELECT MAX(nextval('" + SEQUENCE + "')) FROM generate_series(1, ?)")
                .param(values)
                .query(Long.class).single();
    }

    @Override
    public void start() {
        check();
        checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "global-index-guard");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::checkWhileRunning, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkWhileRunning() {
        try {
            check();
        } catch (DataAccessException unavailable) {
            // the database is away; the next check after it is back is the one that matters
            log.debug("Could not compare the event store with the processors' positions: {}", unavailable.getMessage());
        }
    }

    @Override
    public void stop() {
        if (checks != null) {
            checks.shutdownNow();
            checks = null;
        }
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }

    /** Before Axon starts the processors, which read from the positions this guard protects. */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE - 1;
    }
}
