package com.rapport.insights;

import com.rapport.events.AccountEvent;
import com.rapport.insights.account.AccountState;
import com.rapport.insights.account.AccountStates;
import com.rapport.insights.account.Tables;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/**
 * Insights' read model tables in an embedded database of their own, migrated as the service
 * migrates them, for tests of the queries that read them: one per test JVM, emptied between uses.
 */
public final class ReadModels {

    private static final JdbcClient JDBC = migrated();

    private ReadModels() {
    }

    /** The tables, emptied. */
    public static JdbcClient empty() {
        for (String table : List.of("account_health", "unmet_need", "account_loss", "portfolio_day", "portfolio_account", "portfolio_dirty",
                "account_event")) {
            JDBC.sql("DELETE FROM insights." + table).update();
        }
        return JDBC;
    }

    /** Saves the account's row as insights would after its history, assessed at {@code asOf}. */
    public static void saveAccount(JdbcClient jdbc, List<? extends AccountEvent> history, Instant asOf) {
        HealthPolicy policy = HealthPolicy.defaults();
        AccountState state = AccountState.fold(history, asOf, policy);
        new AccountStates(jdbc, JsonMapper.builder().build()).save(Tables.LIVE, new AccountStates.Fresh(state,
                HealthModel.assess(state, asOf, policy).orElseThrow(), null,
                HealthModel.runway(state, asOf, policy).orElse(null), AccountStates.Published.NOTHING), false);
    }

    private static JdbcClient migrated() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:read-models;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("insights")
                .defaultSchema("insights")
                .locations("classpath:db/platform", "classpath:db/migration")
                .load()
                .migrate();
        return JdbcClient.create(dataSource);
    }
}
