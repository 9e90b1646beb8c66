package com.rapport.insights.policy;

import com.rapport.events.insights.HealthPolicyChanged;
import com.rapport.insights.account.AccountStates;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.platform.problem.Conflict;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The health policy in force at each moment: the configuration ({@code rapport.health.*}) until the first
 * {@link HealthPolicyChanged}, then each change from the moment it took effect. Live assessments use the
 * {@link #current()} one; a past moment is assessed under the one {@link #inForceAt in force then}.
 * <p>
 * The history is tiny and kept in memory. Each read asks the table for its latest version, one lookup of
 * its key, and reads the history again when that differs: a change made on another instance is seen at
 * once. Versions are only ever added, so the same latest version means the same history.
 */
@Component
public class Policies {

    private static final Logger log = LoggerFactory.getLogger(Policies.class);

    /** A policy as the table and the event hold it: its record's own JSON, whatever the HTTP API's settings. */
    private static final JsonMapper STORED = JsonMapper.builder().build();

    /** A change of a window: the configuration and a rebuild of the read models can make it, an event cannot. */
    public static final class RebuildNeeded extends RuntimeException {

        private final String setting;

        RebuildNeeded(String setting, int from, int to) {
            super("is a window the account states forget by (" + from + " days, not " + to
                    + "): changing it needs the configuration (rapport.health.*) and a rebuild of the read models");
            this.setting = setting;
        }

        /** e.g. {@code competitorWindowDays} */
        public String setting() {
            return setting;
        }
    }

    private final HealthPolicy configured;
    private final JdbcClient jdbc;
    private final AccountStates states;
    private final EventBus events;
    private final TransactionManager unitsOfWork;
    private final Clock clock;
    private volatile PolicyHistory known;

    /** @param configured the policy of {@code rapport.health.*}: in force before the first change */
    public Policies(HealthPolicy configured, JdbcClient jdbc, AccountStates states, EventBus events,
                    TransactionManager unitsOfWork, Clock clock) {
        this.configured = configured;
        this.jdbc = jdbc;
        this.states = states;
        this.events = events;
        this.unitsOfWork = unitsOfWork;
        this.clock = clock;
    }

    /** Every version up to now; read from the table again only when another has been added. */
    public PolicyHistory history() {
        int latest = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM insights.health_policy").query(Integer.class).single();
        PolicyHistory history = known;
        if (history == null || history.current().version() != latest) {
            history = PolicyHistory.of(configured, jdbc.sql(
                            "SELECT version, policy, effective_at, staff_id, note FROM insights.health_policy ORDER BY version")
                    .query((row, number) -> new PolicyVersion(row.getInt("version"),
                            STORED.readValue(row.getString("policy"), HealthPolicy.class),
                            row.getObject("effective_at", OffsetDateTime.class).toInstant(),
                            row.getString("staff_id"), row.getString("note")))
                    .list());
            known = history;
        }
        return history;
    }

    /** The policy live assessments are made under. */
    public HealthPolicy current() {
        return history().current().policy();
    }

    /** The policy an assessment of that moment is made under. */
    public HealthPolicy inForceAt(Instant moment) {
        return history().inForceAt(moment);
    }

    /**
     * Puts {@code policy} in force from now on, in one transaction: {@link HealthPolicyChanged} is published,
     * the history gains its version, and every account's assessment is made due, for the scheduled round to
     * make again under it, in its batches, publishing what changes.
     *
     * @param over   the version the new policy was worked out from: it must still be the current one
     * @param policy the whole policy, e.g. the current one with some changes
     * @throws RebuildNeeded when it changes a window
     * @throws Conflict      when another change was made since {@code over}
     */
    public PolicyVersion change(PolicyVersion over, HealthPolicy policy, String staffId, String note) {
        // the account states forget contacts and sightings by these: only a rebuild can apply others
        sameWindow("competitorWindowDays", over.policy().competitorWindowDays(), policy.competitorWindowDays());
        sameWindow("momentumWindowDays", over.policy().momentumWindowDays(), policy.momentumWindowDays());
        Instant now = clock.instant();
        HealthPolicyChanged changed = new HealthPolicyChanged(over.version() + 1,
                STORED.convertValue(policy, new TypeReference<Map<String, Object>>() {
                }), now, staffId, note);
        try {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(unitsOfWork);
            unitOfWork.execute(() -> {
                record(changed);
                states.allDue(now);
                events.publish(GenericEventMessage.asEventMessage(changed));
            });
        } catch (DuplicateKeyException meanwhile) {
            throw new Conflict("The health policy was changed meanwhile (version " + changed.version()
                    + " exists): read it again and make the change over it");
        }
        log.info("Health policy version {} in force from {}, by {}: {}", changed.version(), now, staffId, note);
        return new PolicyVersion(changed.version(), policy, now, staffId, note);
    }

    private static void sameWindow(String setting, int inForce, int changed) {
        if (changed != inForce) {
            throw new RebuildNeeded(setting, inForce, changed);
        }
    }

    /** The change's row, from the event itself; a second row of one version is refused by the table's key. */
    private void record(HealthPolicyChanged changed) {
        jdbc.sql("INSERT INTO insights.health_policy (version, policy, effective_at, staff_id, note)"
                        + " VALUES (:version, :policy, :effectiveAt, :staffId, :note)")
                .param("version", changed.version())
                .param("policy", STORED.writeValueAsString(changed.policy()))
                .param("effectiveAt", changed.effectiveAt().atOffset(ZoneOffset.UTC))
                .param("staffId", changed.staffId())
                .param("note", changed.note())
                .update();
    }
}
