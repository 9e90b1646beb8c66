package com.rapport.suite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The embedded default: the H2 server that ./rapport starts. */
class InsightsOnH2IT extends InsightsThroughTheGateway {

    @BeforeAll
    static void startSuite() {
        use(Suite.start("insights-h2", H2Database.start("insights-h2")));
    }

    @AfterAll
    static void stop() {
        stopSuite();
    }
}
