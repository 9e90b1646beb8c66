package com.rapport.suite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The embedded default: the H2 server that ./rapport starts. */
class AccountsOnH2IT extends AccountsThroughTheGateway {

    @BeforeAll
    static void startSuite() {
        use(Suite.start("accounts-h2", H2Database.start("accounts-h2")));
    }

    @AfterAll
    static void stop() {
        stopSuite();
    }
}
