package com.rapport.suite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** PostgreSQL, as RAPPORT_DB_URL configures it; runs where RAPPORT_TEST_PG_URL names a server (CI does). */
@EnabledIfEnvironmentVariable(named = PostgresDatabase.SERVER_URL, matches = ".+")
class InsightsOnPostgresIT extends InsightsThroughTheGateway {

    @BeforeAll
    static void startSuite() {
        use(Suite.start("insights-postgres", PostgresDatabase.create()));
    }

    @AfterAll
    static void stop() {
        stopSuite();
    }
}
