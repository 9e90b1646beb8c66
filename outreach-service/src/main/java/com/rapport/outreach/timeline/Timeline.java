package com.rapport.outreach.timeline;

import com.rapport.events.AccountEvent;
import com.rapport.events.Attributed;
import com.rapport.events.EventType;
import com.rapport.events.PublishedLanguage;
import com.rapport.platform.web.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Every account's story: each event of every service, with a line a person can read, projected
 * by the {@code timeline} processor and read newest first.
 */
@Component
@ProcessingGroup(Timeline.PROCESSOR)
public class Timeline {

    public static final String PROCESSOR = "timeline";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Summaries summaries = new Summaries();

    public Timeline(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(AccountEvent event, EventMessage<?> message, TrackingToken token) {
        Subject subject = Subject.of(event);
        String followedUp = subject.id() == null || subject.label() != null ? null
                : jdbc.sql("SELECT subject_label FROM outreach.timeline_entry WHERE subject_id = :id AND subject_label IS NOT NULL")
                        .param("id", subject.id())
                        .query(String.class)
                        .optional()
                        .orElse(null);
        jdbc.sql("""
                        INSERT INTO outreach.timeline_entry
                            (event_id, account_id, position, type, subject_id, subject_label, occurred_at, recorded_at,
                             staff_id, summary, data)
                        VALUES (:eventId, :accountId, :position, :type, :subjectId, :label, :occurredAt, :recordedAt,
                                :staffId, :summary, :data)""")
                .param("eventId", message.getIdentifier())
                .param("accountId", event.accountId())
                .param("position", token.position().orElse(0))
                .param("type", PublishedLanguage.describe(event.getClass()).map(EventType::name)
                        .orElse(event.getClass().getSimpleName()))
                .param("subjectId", subject.id())
                .param("label", subject.label())
                .param("occurredAt", utc(event.occurredAt()))
                .param("recordedAt", utc(message.getTimestamp()))
                .param("staffId", event instanceof Attributed attributed ? attributed.staffId() : null)
                .param("summary", summaries.of(event, followedUp))
                .param("data", json.writeValueAsString(event))
                .update();
    }

    @ResetHandler
    void forgetEverything() {
        jdbc.sql("DELETE FROM outreach.timeline_entry").update();
    }

    /** Newest first, by when things happened; events of the same moment in the order they were recorded, newest first. */
    public Page<TimelineItem> of(UUID accountId, int page, int size) {
        long total = jdbc.sql("SELECT COUNT(*) FROM outreach.timeline_entry WHERE account_id = :id")
                .param("id", accountId)
                .query(Long.class)
                .single();
        List<TimelineItem> items = jdbc.sql("""
                        SELECT type, occurred_at, recorded_at, staff_id, summary, data
                        FROM outreach.timeline_entry WHERE account_id = :id
                        ORDER BY occurred_at DESC, position DESC
                        LIMIT :limit OFFSET :offset""")
                .param("id", accountId)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((row, number) -> new TimelineItem(
                        row.getString("type"),
                        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        row.getString("staff_id"),
                        row.getString("summary"),
                        row.getString("data")))
                .list();
        return new Page<>(items, page, size, total);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
