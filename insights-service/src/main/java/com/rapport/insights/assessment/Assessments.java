package com.rapport.insights.assessment;

import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.insights.health.Assessment;
import com.rapport.platform.web.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Each account's latest assessment: what the portfolio list and figures read. */
@Component
public class Assessments {

    /** How the portfolio list is ordered; RISK puts the worst and most valuable first. */
    public enum Order {
        RISK("exposure DESC, annual_value DESC"),
        SCORE("score ASC, annual_value DESC"),
        VALUE("annual_value DESC, score ASC"),
        NAME("LOWER(name) ASC");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    public record Filter(HealthBand band, String ownerId, Tier tier, Boolean neglected) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Assessments(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(Assessment assessment) {
        BigDecimal exposure = assessment.annualValue().multiply(BigDecimal.valueOf(100 - assessment.score()))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        // No race on the insert: the scheduled round sees an account only once its first event, and
        // the assessment made with it, are committed; after that every save is an update.
        if (update(assessment, exposure) == 0) {
            bind(jdbc.sql("""
                    INSERT INTO insights.assessment (account_id, name, owner_id, tier, annual_value, currency, lost, score,
                        band, neglected, days_since_contact, cadence_days, exposure, assessment, as_of)
                    VALUES (:id, :name, :owner, :tier, :value, :currency, :lost, :score, :band, :neglected, :days,
                        :cadence, :exposure, :json, :asOf)"""), assessment, exposure).update();
        }
    }

    private int update(Assessment assessment, BigDecimal exposure) {
        return bind(jdbc.sql("""
                UPDATE insights.assessment SET name = :name, owner_id = :owner, tier = :tier, annual_value = :value,
                    currency = :currency, lost = :lost, score = :score, band = :band, neglected = :neglected,
                    days_since_contact = :days, cadence_days = :cadence, exposure = :exposure, assessment = :json,
                    as_of = :asOf
                WHERE account_id = :id"""), assessment, exposure).update();
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
        String where = " FROM insights.assessment WHERE " + String.join(" AND ", conditions);
        long total = filtered(jdbc.sql("SELECT COUNT(*)" + where), filter).query(Long.class).single();
        List<JsonNode> items = filtered(jdbc.sql("SELECT assessment" + where + " ORDER BY " + order.sql
                        + ", account_id LIMIT :limit OFFSET :offset"), filter)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((row, number) -> json.readTree(row.getString("assessment")))
                .list();
        return new Page<>(items, page, size, total);
    }

    /** Every account with an assessment, lost ones included, as stored. */
    public List<AssessmentView> all() {
        return jdbc.sql("SELECT assessment FROM insights.assessment")
                .query((row, number) -> json.readValue(row.getString("assessment"), AssessmentView.class))
                .list();
    }

    /** Accounts we still have in the band. */
    public long inBand(HealthBand band) {
        return jdbc.sql("SELECT COUNT(*) FROM insights.assessment WHERE lost = FALSE AND band = :band")
                .param("band", band.name()).query(Long.class).single();
    }

    /** Accounts we still have that are neglected. */
    public long neglected() {
        return jdbc.sql("SELECT COUNT(*) FROM insights.assessment WHERE lost = FALSE AND neglected = TRUE")
                .query(Long.class).single();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Assessment assessment, BigDecimal exposure) {
        return statement
                .param("id", assessment.accountId())
                .param("name", assessment.name())
                .param("owner", assessment.ownerId())
                .param("tier", assessment.tier().name())
                .param("value", assessment.annualValue())
                .param("currency", assessment.currency())
                .param("lost", assessment.lost())
                .param("score", assessment.score())
                .param("band", assessment.band().name())
                .param("neglected", assessment.neglected())
                .param("days", assessment.daysSinceContact())
                .param("cadence", assessment.cadenceDays())
                .param("exposure", exposure)
                .param("json", json.writeValueAsString(AssessmentView.of(assessment)))
                .param("asOf", assessment.asOf().atOffset(ZoneOffset.UTC));
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
        return statement;
    }
}
