package com.rapport.suite;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * What every "through the gateway" specification shares: the suite its concrete class starts
 * for one database, a client of the gateway, and the event store to check what was appended.
 * Classes run one after the other, each with its own suite.
 */
abstract class ThroughTheGateway {

    protected static Suite suite;
    protected static Api api;
    protected static EventStore store;

    static void use(Suite started) {
        suite = started;
        api = new Api(started.gateway());
        store = new EventStore(started.database());
    }

    /**
     * Waits until every processor of a service has handled every event in the store: its read
     * models answer for everything written before, whatever segment each account's events fell in.
     */
    static void awaitProcessed(Suite.Component service, Duration patience) {
        Api actuator = new Api(suite.service(service));
        await().atMost(patience).until(() -> {
            Api.Reply processors = actuator.get("/actuator/processors");
            return processors.status() == 200 && processors.json().valueStream()
                    .allMatch(processor -> processor.path("lag").asLong(-1) == 0);
        });
    }

    static void stopSuite() {
        if (suite != null) {
            suite.close();
            suite = null;
        }
    }
}
