package com.rapport.insights.losses;

import com.rapport.events.AccountEvent;
import com.rapport.insights.account.Tables;
import com.rapport.insights.policy.Policies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import com.rapport.events.account.LossReason;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every loss of every account as a row of its own, judged when it happens and again whenever the
 * account's history changes what the judgement rests on: what the loss report reads, without
 * folding any history at the time of asking.
 */
@Component
public class LossRows {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Policies policies;

    LossRows(JdbcClient jdbc, JsonMapper json, Policies policies) {
        this.jdbc = jdbc;
        this.json = json;
        this.policies = policies;
    }

    /** A page of the losses in the window, newest first, with what all of them add up to. */
    public LossReport report(Window window, int page, int size) {
        String inWindow = " FROM insights.account_loss WHERE lost_at >= :from AND lost_at < :to";
        List<Loss> items = inWindow(jdbc.sql("SELECT loss" + inWindow + " ORDER BY lost_at DESC, account_id"
                        + " LIMIT :limit OFFSET :offset"), window)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((row, number) -> json.readValue(row.getString("loss"), Loss.class))
                .list();
        long[] counts = inWindow(jdbc.sql("SELECT COUNT(*) AS losses,"
                        + " SUM(CASE WHEN interviewed THEN 1 ELSE 0 END) AS interviewed,"
                        + " SUM(CASE WHEN flagged THEN 1 ELSE 0 END) AS flagged" + inWindow), window)
                .query((row, number) -> new long[]{row.getLong("losses"), row.getLong("interviewed"), row.getLong("flagged")})
                .single();
        Map<LossReason, Long> byReason = new HashMap<>();
        inWindow(jdbc.sql("SELECT primary_reason, COUNT(*) AS losses" + inWindow + " GROUP BY primary_reason"), window)
                .query(row -> {
                    byReason.put(LossReason.valueOf(row.getString("primary_reason")), row.getLong("losses"));
                });
        Map<String, Long> byCompetitor = new HashMap<>();
        inWindow(jdbc.sql("SELECT competitor, COUNT(*) AS losses" + inWindow
                        + " AND competitor IS NOT NULL GROUP BY competitor"), window)
                .query(row -> {
                    byCompetitor.put(row.getString("competitor"), row.getLong("losses"));
                });
        long flagged = counts[2];
        List<Long> middle = flagged == 0 ? List.of() : inWindow(jdbc.sql("SELECT lead_time_days" + inWindow
                        + " AND lead_time_days IS NOT NULL ORDER BY lead_time_days LIMIT :limit OFFSET :offset"), window)
                .param("limit", flagged % 2 == 1 ? 1 : 2)
                .param("offset", flagged % 2 == 1 ? flagged / 2 : flagged / 2 - 1)
                .query(Long.class)
                .list();
        return LossReport.of(window, items, page, size,
                new LossReport.Totals(counts[0], counts[1], flagged, byReason, byCompetitor, middle));
    }

    private static JdbcClient.StatementSpec inWindow(JdbcClient.StatementSpec statement, Window window) {
        return statement.param("from", window.from().atOffset(ZoneOffset.UTC))
                .param("to", window.to().atOffset(ZoneOffset.UTC));
    }

    /** Judges every loss of the account again, from its whole history, under the health policy in force now. */
    public void judge(Tables tables, UUID accountId, List<? extends AccountEvent> history) {
        jdbc.sql("DELETE FROM " + tables.losses() + " WHERE account_id = :id").param("id", accountId).update();
        for (Loss loss : new LossAnalysis(policies.current()).lossesIn(history, Window.ALL_TIME)) {
            jdbc.sql("INSERT INTO " + tables.losses() + """
                             (account_id, lost_at, loss, primary_reason, competitor, interviewed, flagged, lead_time_days)
                            VALUES (:id, :lostAt, :loss, :reason, :competitor, :interviewed, :flagged, :leadTime)""")
                    .param("id", accountId)
                    .param("lostAt", loss.lostAt().atOffset(ZoneOffset.UTC))
                    .param("loss", json.writeValueAsString(loss))
                    .param("reason", loss.primaryReason().name())
                    .param("competitor", loss.competitor())
                    .param("interviewed", loss.interviewed())
                    .param("flagged", loss.flagged())
                    .param("leadTime", loss.leadTimeDays())
                    .update();
        }
    }
}
