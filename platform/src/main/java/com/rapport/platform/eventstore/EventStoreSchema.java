package com.rapport.platform.eventstore;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * The shared event store's tables, migrated by whichever service starts first. Each service
 * migrates its own schema with Spring Boot's Flyway; this one has its own history table so the
 * two never mix.
 */
public final class EventStoreSchema {

    public static final String SCHEMA = "eventstore";

    private static final Logger log = LoggerFactory.getLogger(EventStoreSchema.class);
    private static final int ATTEMPTS = 5;

    private EventStoreSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .table("flyway_eventstore_history")
                .locations("classpath:db/eventstore")
                .load();
        // Services started together race to create the shared schema; the loser sees a
        // unique violation on the catalogue and succeeds on the next try.
        for (int attempt = 1; ; attempt++) {
            try {
                flyway.migrate();
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.warn("Event store migration attempt {} of {} failed, retrying: {}", attempt, ATTEMPTS, e.getMessage());
                sleep(attempt * 200L);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating the event store", e);
        }
    }
}
