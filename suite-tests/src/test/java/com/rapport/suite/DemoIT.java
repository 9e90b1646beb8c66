package com.rapport.suite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./rapport demo} against the suite on H2, as a user would run it against ./rapport up:
 * the demo's history goes in through the gateway, the figures show what it was aimed at, and a
 * second run adds nothing.
 */
class DemoIT extends ThroughTheGateway {

    private static final String RUN = "demo-h2";
    /** The demo opens 40 accounts and loses six, one of which it wins back. */
    private static final int ACCOUNTS_KEPT = 35;
    private static final List<String> OWNERS =
            List.of("alice.martin", "bruno.costa", "chen.wei", "dana.okafor", "erik.lund", "farah.nasser");
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(15);

    private static final AtomicInteger runs = new AtomicInteger();

    @BeforeAll
    static void startSuite() {
        use(Suite.start(RUN, H2Database.start(RUN)));
    }

    @AfterAll
    static void stop() {
        stopSuite();
    }

    @Test
    void loadsAHistoryWithEveryBandCallListsAndLossesAndAddsNothingTheSecondTime() {
        Launcher.Outcome first = demo(Map.of());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("40 accounts");

        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            JsonNode portfolio = ok(api.get("/api/insights/portfolio"));
            assertThat(portfolio.get("accounts").asInt()).as(portfolio.toString()).isEqualTo(ACCOUNTS_KEPT);
            for (String band : List.of("HEALTHY", "WATCH", "AT_RISK", "CRITICAL")) {
                assertThat(portfolio.get("bands").get(band).asLong()).as(band + " in " + portfolio).isPositive();
            }
            assertThat(portfolio.get("neglected").asLong()).as(portfolio.toString()).isPositive();
        });

        long ownersWithCalls = OWNERS.stream()
                .filter(owner -> !ok(api.get("/api/insights/call-list?owner=" + owner)).get("items").isEmpty())
                .count();
        assertThat(ownersWithCalls).as("owners with someone to call today").isGreaterThan(OWNERS.size() / 2);

        List<JsonNode> losses = ok(api.get("/api/insights/losses")).get("items").valueStream().toList();
        assertThat(losses).as("losses").isNotEmpty();
        assertThat(losses).as("losses with an exit interview").anyMatch(loss -> loss.get("interviewed").asBoolean());
        assertThat(losses).as("losses without one").anyMatch(loss -> !loss.get("interviewed").asBoolean());
        assertThat(losses).as("losses flagged ahead").anyMatch(loss -> !loss.get("leadTimeDays").isNull());

        long events = store.count();
        Launcher.Outcome second = demo(Map.of());
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(store.count()).as("events after the second run").isEqualTo(events);
    }

    @Test
    void stopsWithAClearMessageWhenTheGatewayRefusesTheKey() {
        Launcher.Outcome refused = demo(Map.of("RAPPORT_API_KEY", "not-a-key-the-gateway-knows"));

        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("refused the API key");
    }

    @Test
    void stopsWithAClearMessageWhenNoGatewayAnswers() {
        Launcher.Outcome unanswered = demo(Map.of("RAPPORT_URL", "http://127.0.0.1:" + Ports.free()));

        assertThat(unanswered.exitCode()).as(unanswered.output()).isNotZero();
        assertThat(unanswered.output()).contains("does not answer");
    }

    /** Runs ./rapport demo against the suite's gateway with the suite's key, unless {@code settings} say otherwise. */
    private static Launcher.Outcome demo(Map<String, String> settings) {
        Path logs = SuiteFiles.logs(RUN);
        Map<String, String> environment = new HashMap<>();
        environment.put("RAPPORT_URL", suite.gateway().toString());
        environment.put("RAPPORT_API_KEY", Suite.API_KEY);
        // the launcher's state, which the demo does not need, stays out of the developer's .rapport
        environment.put("RAPPORT_HOME", logs.resolve("rapport-home").toString());
        environment.putAll(settings);
        return Launcher.run(logs.resolve("demo-" + runs.incrementAndGet() + ".log"), environment, LOAD_LIMIT, "demo");
    }

    private static JsonNode ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }
}
