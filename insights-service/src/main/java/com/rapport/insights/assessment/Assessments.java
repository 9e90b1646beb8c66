package com.rapport.insights.assessment;

import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.insights.account.AccountStates;
import com.rapport.insights.health.RiskSignal;
import com.rapport.platform.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Each account's latest assessment, as reads ask for it: the portfolio list and its figures. */
@Component
public class Assessments {

    /**
     * How the portfolio list is ordered; RISK puts the worst and most valuable first, RUNWAY the soonest
     * flagged (those flagged already first, those not flagged within the horizon last).
     */
    public enum Order {
        RISK("exposure DESC, annual_value DESC"),
        SCORE("score ASC, annual_value DESC"),
        VALUE("annual_value DESC, score ASC"),
        NAME("LOWER(name) ASC"),
        RUNWAY("flagged_from ASC NULLS LAST, exposure DESC");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /**
     * Each part left null asks for no condition on it.
     *
     * @param flaggedBy accounts not flagged now that will be by this moment if nothing happens
     */
    public record Filter(HealthBand band, String ownerId, Tier tier, Boolean neglected, Boolean flagged,
                         RiskSignal signal, Instant flaggedBy) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Assessments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Accounts we still have, as the filter says, in the order asked for. */
    public Page<JsonNode> list(Filter filter, Order order, int page, int size) {
        List<String> conditions = new ArrayList<>(List.of("lost = FALSE"));
        if (filter.band() != null) {
            conditions.add("band = :band");
        }
        if (filter.ownerId() != null) {
            conditions.add("owner_id = :owner");
        }
        if (filter.tier() != null) {
            conditions.add("tier = :tier");
        }
        if (filter.neglected() != null) {
            conditions.add("neglected = :neglected");
        }
        if (filter.flagged() != null) {
            conditions.add("flagged = :flagged");
        }
        if (filter.signal() != null) {
            conditions.add("signals LIKE :signal");
        }
        if (filter.flaggedBy() != null) {
            conditions.add("flagged = FALSE AND flagged_from <= :flaggedBy");
        }
        String where = " FROM insights.account_health WHERE " + String.join(" AND ", conditions);
        long total = filtered(jdbc.sql("SELECT COUNT(*)" + where), filter).query(Long.class).single();
        List<JsonNode> items = filtered(jdbc.sql("SELECT assessment" + where + " ORDER BY " + order.sql
                        + ", account_id LIMIT :limit OFFSET :offset"), filter)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((row, number) -> json.readTree(row.getString("assessment")))
                .list();
        return new Page<>(items, page, size, total);
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, Filter filter) {
        if (filter.band() != null) {
            statement = statement.param("band", filter.band().name());
        }
        if (filter.ownerId() != null) {
            statement = statement.param("owner", filter.ownerId());
        }
        if (filter.tier() != null) {
            statement = statement.param("tier", filter.tier().name().toUpperCase(Locale.ROOT));
        }
        if (filter.neglected() != null) {
            statement = statement.param("neglected", filter.neglected());
        }
        if (filter.flagged() != null) {
            statement = statement.param("flagged", filter.flagged());
        }
        if (filter.signal() != null) {
            statement = statement.param("signal", AccountStates.holding(filter.signal()));
        }
        if (filter.flaggedBy() != null) {
            statement = statement.param("flaggedBy", filter.flaggedBy().atOffset(ZoneOffset.UTC));
        }
        return statement;
    }
}
