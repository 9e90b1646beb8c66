package com.rapport.platform.processing;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.Optional;

/** When events were recorded, as the shared event store keeps it. */
public class RecordingTimes {

    private final JdbcClient jdbc;
    private final EventSchema schema;

    public RecordingTimes(JdbcClient jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** When the first event after that global index was recorded, if there is one. */
    public Optional<Instant> ofFirstEventAfter(long position) {
        return jdbc.sql("SELECT " + schema.timestampColumn() + " FROM " + schema.domainEventTable()
                        + " WHERE " + schema.globalIndexColumn() + " > ? ORDER BY " + schema.globalIndexColumn() + " LIMIT 1")
                .param(position)
                .query(String.class)
                .optional()
                .map(DateTimeUtils::parseInstant);
    }
}
