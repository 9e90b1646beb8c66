package com.rapport.insights.account;

import com.rapport.events.insights.HealthBand;
import com.rapport.insights.assessment.AssessmentView;
import com.rapport.insights.health.Assessment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The row each account has in {@code account_health}: its folded {@link AccountState}, its latest
 * assessment with the columns reads filter and sort by, the moment that assessment next changes if
 * nothing happens, and what insights last published of it.
 */
@Component
public class AccountStates {

    /**
     * An account's row as a refresh reads it.
     *
     * @param asOf       when its assessment was made
     * @param nextChange when that assessment changes if nothing happens
     */
    public record Stored(AccountState state, Instant asOf, Instant nextChange, HealthBand publishedBand,
                         boolean publishedNeglected) {
    }

    /**
     * What a refresh writes.
     *
     * @param nextChange null when the assessment cannot change without an event
     */
    public record Fresh(AccountState state, Assessment assessment, Instant nextChange, HealthBand publishedBand,
                        boolean publishedNeglected) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** The state's own mapper: its stored form must not follow settings made for the HTTP API. */
    private final JsonMapper stateJson = JsonMapper.builder().build();

    public AccountStates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The rows of these accounts that exist, locked until the transaction ends, in the order of their
     * ids so that two transactions locking the same accounts wait rather than deadlock.
     */
    public Map<UUID, Stored> lock(Tables tables, Collection<UUID> accounts) {
        Map<UUID, Stored> rows = new HashMap<>();
        if (accounts.isEmpty()) {
            return rows;
        }
        jdbc.sql("SELECT account_id, state, as_of, next_change_at, published_band, published_neglected FROM " + tables.health()
                        + " WHERE account_id IN (:ids) ORDER BY account_id FOR UPDATE")
                .param("ids", List.copyOf(accounts))
                .query(row -> {
                    rows.put(row.getObject("account_id", UUID.class), stored(row));
                });
        return rows;
    }

    /** The account's state as last folded, for a read; empty for an account insights has not heard of. */
    public Optional<AccountState> state(UUID accountId) {
        return jdbc.sql("SELECT state FROM insights.account_health WHERE account_id = :id")
                .param("id", accountId)
                .query((row, number) -> stateJson.readValue(row.getString("state"), AccountState.class))
                .optional();
    }

    /** The states of an owner's accounts, lost ones included. */
    public List<AccountState> ownedBy(String ownerId) {
        return jdbc.sql("SELECT state FROM insights.account_health WHERE owner_id = :owner")
                .param("owner", ownerId)
                .query((row, number) -> stateJson.readValue(row.getString("state"), AccountState.class))
                .list();
    }

    /** Accounts whose assessment has changed by {@code now} with nothing happening, the longest due first. */
    public List<UUID> due(Instant now, int limit) {
        return jdbc.sql("SELECT account_id FROM insights.account_health WHERE next_change_at <= :now"
                        + " ORDER BY next_change_at LIMIT :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** @param exists whether the account has a row already (it was locked), or this is its first */
    public void save(Tables tables, Fresh fresh, boolean exists) {
        Assessment assessment = fresh.assessment();
        String sql = exists
                ? "UPDATE " + tables.health() + """
                 SET state = :state, folded_to = :foldedTo, name = :name, owner_id = :owner, tier = :tier,
                    annual_value = :value, currency = :currency, lost = :lost, score = :score, band = :band,
                    neglected = :neglected, days_since_contact = :days, cadence_days = :cadence, exposure = :exposure,
                    assessment = :json, as_of = :asOf, next_change_at = :nextChange, published_band = :publishedBand,
                    published_neglected = :publishedNeglected
                WHERE account_id = :id"""
                : "INSERT INTO " + tables.health() + """
                 (account_id, state, folded_to, name, owner_id, tier, annual_value, currency, lost, score, band,
                    neglected, days_since_contact, cadence_days, exposure, assessment, as_of, next_change_at,
                    published_band, published_neglected)
                VALUES (:id, :state, :foldedTo, :name, :owner, :tier, :value, :currency, :lost, :score, :band,
                    :neglected, :days, :cadence, :exposure, :json, :asOf, :nextChange, :publishedBand,
                    :publishedNeglected)""";
        jdbc.sql(sql)
                .param("id", assessment.accountId())
                .param("state", stateJson.writeValueAsString(fresh.state()))
                .param("foldedTo", fresh.state().foldedTo().atOffset(ZoneOffset.UTC))
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
                .param("exposure", exposure(assessment))
                .param("json", json.writeValueAsString(AssessmentView.of(assessment)))
                .param("asOf", assessment.asOf().atOffset(ZoneOffset.UTC))
                .param("nextChange", fresh.nextChange() == null ? null : fresh.nextChange().atOffset(ZoneOffset.UTC))
                .param("publishedBand", fresh.publishedBand() == null ? null : fresh.publishedBand().name())
                .param("publishedNeglected", fresh.publishedNeglected())
                .update();
    }

    /** Annual value weighted by how far the score falls short: what the portfolio list sorts by. */
    private static BigDecimal exposure(Assessment assessment) {
        return assessment.annualValue().multiply(BigDecimal.valueOf(100 - assessment.score()))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private Stored stored(ResultSet row) throws SQLException {
        String band = row.getString("published_band");
        OffsetDateTime nextChange = row.getObject("next_change_at", OffsetDateTime.class);
        return new Stored(stateJson.readValue(row.getString("state"), AccountState.class),
                row.getObject("as_of", OffsetDateTime.class).toInstant(), nextChange == null ? null : nextChange.toInstant(),
                band == null ? null : HealthBand.valueOf(band), row.getBoolean("published_neglected"));
    }
}
