package com.rapport.insights.needs;

import com.rapport.events.AccountEvent;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;
import com.rapport.insights.account.Tables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Every unmet need as a row of its own, raised and ended as its events say: what the needs report
 * pages through, without folding any history. A need ends once; an end of a need never raised here
 * changes nothing.
 */
@Component
public class NeedRows {

    private final JdbcClient jdbc;

    NeedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param events an account's new events, in the order the store holds them */
    public void apply(Tables tables, List<AccountEvent> events) {
        for (AccountEvent event : events) {
            if (event instanceof UnmetNeedRaised e) {
                jdbc.sql("INSERT INTO " + tables.needs() + """
                                 (need_id, account_id, category, description, raised_at, status)
                                VALUES (:id, :account, :category, :description, :raisedAt, 'OPEN')
                                ON CONFLICT DO NOTHING""")
                        .param("id", e.needId())
                        .param("account", e.accountId())
                        .param("category", e.category())
                        .param("description", e.description())
                        .param("raisedAt", e.occurredAt().atOffset(ZoneOffset.UTC))
                        .update();
            } else if (event instanceof UnmetNeedAddressed e) {
                end(tables, e.needId(), NeedStatus.ADDRESSED, e.occurredAt(), null);
            } else if (event instanceof UnmetNeedDeclined e) {
                end(tables, e.needId(), NeedStatus.DECLINED, e.occurredAt(), null);
            } else if (event instanceof UnmetNeedLostToCompetitor e) {
                end(tables, e.needId(), NeedStatus.LOST_TO_COMPETITOR, e.occurredAt(),
                        e.competitor() == null || e.competitor().isBlank() ? null : e.competitor().strip());
            }
        }
    }

    /** A page of the needs in one status, oldest first, with the summaries over every need, as of {@code now}. */
    public UnmetNeedsReport report(NeedStatus status, int page, int size, Instant now) {
        List<Need> items = jdbc.sql("""
                        SELECT n.need_id, n.account_id, h.name, h.owner_id, h.lost, n.category, n.description, n.raised_at,
                            n.status, n.ended_at, n.competitor
                        FROM insights.unmet_need n LEFT JOIN insights.account_health h ON h.account_id = n.account_id
                        WHERE n.status = :status ORDER BY n.raised_at, n.need_id LIMIT :limit OFFSET :offset""")
                .param("status", status.name())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((row, number) -> {
                    Instant raisedAt = row.getObject("raised_at", OffsetDateTime.class).toInstant();
                    OffsetDateTime ended = row.getObject("ended_at", OffsetDateTime.class);
                    Instant endedAt = ended == null ? null : ended.toInstant();
                    return new Need(row.getObject("need_id", UUID.class), row.getObject("account_id", UUID.class),
                            row.getString("name"), row.getString("owner_id"),
                            row.getBoolean("lost") ? "LOST" : "ACTIVE", row.getString("category"),
                            row.getString("description"), raisedAt, NeedStatus.valueOf(row.getString("status")),
                            days(raisedAt, endedAt != null ? endedAt : now), endedAt, row.getString("competitor"));
                })
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM insights.unmet_need WHERE status = :status")
                .param("status", status.name())
                .query(Long.class)
                .single();
        List<UnmetNeedsReport.CategorySummary> byCategory = jdbc.sql("""
                        SELECT category, COUNT(*) AS open, MIN(raised_at) AS oldest FROM insights.unmet_need
                        WHERE status = 'OPEN' GROUP BY category""")
                .query((row, number) -> new UnmetNeedsReport.CategorySummary(row.getString("category"),
                        row.getLong("open"), days(row.getObject("oldest", OffsetDateTime.class).toInstant(), now)))
                .list();
        List<UnmetNeedsReport.CompetitorSummary> lost = jdbc.sql("""
                        SELECT competitor, COUNT(*) AS needs FROM insights.unmet_need
                        WHERE status = 'LOST_TO_COMPETITOR' AND competitor IS NOT NULL GROUP BY competitor""")
                .query((row, number) -> new UnmetNeedsReport.CompetitorSummary(row.getString("competitor"),
                        row.getLong("needs")))
                .list();
        return UnmetNeedsReport.of(items, page, size, total, byCategory, lost);
    }

    private static long days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }

    private void end(Tables tables, UUID needId, NeedStatus status, Instant at, String competitor) {
        jdbc.sql("UPDATE " + tables.needs() + " SET status = :status, ended_at = :endedAt, competitor = :competitor"
                        + " WHERE need_id = :id AND status = 'OPEN'")
                .param("id", needId)
                .param("status", status.name())
                .param("endedAt", at.atOffset(ZoneOffset.UTC))
                .param("competitor", competitor)
                .update();
    }
}
