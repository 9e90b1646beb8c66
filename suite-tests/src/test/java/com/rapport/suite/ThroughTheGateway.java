package com.rapport.suite;

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

    static void stopSuite() {
        if (suite != null) {
            suite.close();
            suite = null;
        }
    }
}
