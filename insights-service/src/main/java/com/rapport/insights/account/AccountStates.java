package com.rapport.insights.account;

import com.rapport.events.AccountEvent;
import com.rapport.events.insights.HealthBand;
import com.rapport.events.insights.HealthBandChanged;
import com.rapport.events.insights.NeglectFlagCleared;
import com.rapport.events.insights.NeglectFlagRaised;
import com.rapport.events.insights.RiskSignalCleared;
import com.rapport.events.insights.RiskSignalRaised;
import com.rapport.insights.assessment.AssessmentView;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.RaisedSignal;
import com.rapport.insights.health.RiskSignal;
import com.rapport.insights.health.Runway;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The row each account has in {@code account_health}: its folded {@link AccountState}, its latest
 * assessment with the columns reads filter and sort by, the moment that assessment next changes if
 * nothing happens and the moment the account will be flagged if nothing happens, and what insights last
 * published of it.
 */
@Component
public class AccountStates {

    /**
     * What insights last published of an account: the conclusions other services have heard.
     *
     * @param band    null before its first assessment was published
     * @param signals the risk signals raised and not cleared since
     */
    public record Published(HealthBand band, boolean neglected, Set<RiskSignal> signals) {

        public static final Published NOTHING = new Published(null, false, Set.of());

        public Published {
            signals = signals.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signals));
        }

        /** What was published, as told by one of insights' own conclusions read back from the store. */
        public Published after(AccountEvent conclusion) {
            Set<RiskSignal> raised = EnumSet.noneOf(RiskSignal.class);
            raised.addAll(signals);
            if (conclusion instanceof HealthBandChanged changed) {
                return new Published(changed.toBand(), neglected, raised);
            } else if (conclusion instanceof NeglectFlagRaised) {
                return new Published(band, true, raised);
            } else if (conclusion instanceof NeglectFlagCleared) {
                return new Published(band, false, raised);
            } else if (conclusion instanceof RiskSignalRaised signal) {
                RiskSignal.ofKey(signal.signal()).ifPresent(raised::add);
            } else if (conclusion instanceof RiskSignalCleared signal) {
                RiskSignal.ofKey(signal.signal()).ifPresent(raised::remove);
            }
            return new Published(band, neglected, raised);
        }

        /** Whether the event is one of the conclusions insights publishes, not a fact of the account's history. */
        public static boolean isConclusion(AccountEvent event) {
            return event instanceof HealthBandChanged || event instanceof NeglectFlagRaised
                    || event instanceof NeglectFlagCleared || event instanceof RiskSignalRaised
                    || event instanceof RiskSignalCleared;
        }
    }

    /**
     * An account's row as a refresh reads it.
     *
     * @param asOf       when its assessment was made
     * @param nextChange when that assessment changes if nothing happens
     */
    public record Stored(AccountState state, Instant asOf, Instant nextChange, Published published) {
    }

    /**
     * What a refresh writes.
     *
     * @param nextChange null when the assessment cannot change without an event
     * @param runway     when the account will be flagged if nothing happens; null when not within the horizon
     */
    public record Fresh(AccountState state, Assessment assessment, Instant nextChange, Runway runway,
                        Published published) {
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
        jdbc.sql("SELECT account_id, state, as_of, next_change_at, published_band, published_neglected, published_signals FROM "
                        + tables.health()
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

    /**
     * Every account's assessment is due now, in the live tables and in those a rebuild is filling: the
     * scheduled round makes each again, in its batches (after a change of the health policy).
     */
    public void allDue(Instant now) {
        for (Tables tables : Tables.values()) {
            jdbc.sql("UPDATE " + tables.health() + " SET next_change_at = :now")
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    /** @param exists whether the account has a row already (it was locked), or this is its first */
    public void save(Tables tables, Fresh fresh, boolean exists) {
        Assessment assessment = fresh.assessment();
        Runway runway = fresh.runway();
        String sql = exists
                ? "UPDATE " + tables.health() + """
                 SET state = :state, folded_to = :foldedTo, name = :name, owner_id = :owner, tier = :tier,
                    annual_value = :value, currency = :currency, lost = :lost, score = :score, band = :band,
                    neglected = :neglected, days_since_contact = :days, cadence_days = :cadence, exposure = :exposure,
                    assessment = :json, as_of = :asOf, next_change_at = :nextChange, published_band = :publishedBand,
                    published_neglected = :publishedNeglected, signals = :signals, flagged = :flagged,
                    published_signals = :publishedSignals, flagged_from = :flaggedFrom, flagged_because = :flaggedBecause
                WHERE account_id = :id"""
                : "INSERT INTO " + tables.health() + """
                 (account_id, state, folded_to, name, owner_id, tier, annual_value, currency, lost, score, band,
                    neglected, days_since_contact, cadence_days, exposure, assessment, as_of, next_change_at,
                    published_band, published_neglected, signals, flagged, published_signals, flagged_from,
                    flagged_because)
                VALUES (:id, :state, :foldedTo, :name, :owner, :tier, :value, :currency, :lost, :score, :band,
                    :neglected, :days, :cadence, :exposure, :json, :asOf, :nextChange, :publishedBand,
                    :publishedNeglected, :signals, :flagged, :publishedSignals, :flaggedFrom, :flaggedBecause)""";
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
                .param("json", json.writeValueAsString(AssessmentView.of(assessment, runway)))
                .param("asOf", assessment.asOf().atOffset(ZoneOffset.UTC))
                .param("nextChange", fresh.nextChange() == null ? null : fresh.nextChange().atOffset(ZoneOffset.UTC))
                .param("publishedBand", fresh.published().band() == null ? null : fresh.published().band().name())
                .param("publishedNeglected", fresh.published().neglected())
                .param("signals", keys(assessment.signals().stream().map(RaisedSignal::signal).toList()))
                .param("flagged", assessment.flagged())
                .param("publishedSignals", keys(fresh.published().signals()))
                .param("flaggedFrom", runway == null ? null : runway.flaggedAt().atOffset(ZoneOffset.UTC))
                .param("flaggedBecause", runway == null ? null : runway.because())
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
                new Published(band == null ? null : HealthBand.valueOf(band), row.getBoolean("published_neglected"),
                        signals(row.getString("published_signals"))));
    }

    /**
     * Signals as a column holds them: their keys, each between commas, so that a read can ask for one
     * with {@link #holding}.
     */
    static String keys(Collection<RiskSignal> signals) {
        return signals.stream().map(signal -> signal.key() + ",").sorted().collect(Collectors.joining("", ",", ""));
    }

    /** The pattern of a LIKE that finds rows whose column holds {@code signal}. */
    public static String holding(RiskSignal signal) {
        return "%," + signal.key() + ",%";
    }

    private static Set<RiskSignal> signals(String keys) {
        return Arrays.stream(keys.split(",")).filter(key -> !key.isEmpty())
                .map(key -> RiskSignal.ofKey(key).orElseThrow(() -> new IllegalStateException("Unknown signal " + key)))
                .collect(Collectors.toSet());
    }
}
