package com.rapport.suite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The embedded default: the H2 server that ./rapport starts. */
class OutreachOnH2IT extends OutreachThroughTheGateway {

    @BeforeAll
    static void startSuite() {
        use(Suite.start("outreach-h2", H2Database.start("outreach-h2")));
    }

    @AfterAll
    static void stop() {
        stopSuite();
    }
}
