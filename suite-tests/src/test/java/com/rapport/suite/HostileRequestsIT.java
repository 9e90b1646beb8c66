package com.rapport.suite;

import com.rapport.suite.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.rapport.suite.AccountOpening.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Requests that once froze read models, made accounts unusable or answered 500, sent through the
 * gateway to the packaged services on H2: each is a 4xx problem naming the field and the rule
 * and appends nothing; and while the database is down every request is a 503 with Retry-After.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsIT extends ThroughTheGateway {

    private static H2Database database;

    @BeforeAll
    static void startSuite() {
        database = H2Database.start("hostile-h2");
        use(Suite.start("hostile-h2", database));
    }

    @AfterAll
    static void stop() {
        stopSuite();
    }

    /** An opening as JSON text, so that a test can put in it what a serializer would not write. */
    private static String opening(String fields) {
        return "{\"name\": \"Acme\", \"tier\": \"KEY\", \"annualValue\": 120000, \"currency\": \"EUR\", \"ownerId\": \"alice\", "
                + fields + "}";
    }

    static Stream<Arguments> refusedCommands() {
        String account = "/api/accounts/" + UUID.randomUUID();
        String outreach = "/api/outreach/accounts/" + UUID.randomUUID();
        return Stream.of(
                arguments("/api/accounts", opening("\"name\": \"Other\""), "name", "NoDuplicate"),
                arguments("/api/accounts", opening("\"timezone\": \"Europe/Paris\\u0000\""), "timezone", "StorableText"),
                arguments("/api/accounts", "{\"name\": \"Acme\\u0000Ltd\", \"tier\": \"KEY\", \"annualValue\": 1, \"currency\": \"EUR\", \"ownerId\": \"alice\"}",
                        "name", "StorableText"),
                arguments("/api/accounts", "{\"name\": \"Acme\\ud800Ltd\", \"tier\": \"KEY\", \"annualValue\": 1, \"currency\": \"EUR\", \"ownerId\": \"alice\"}",
                        "name", "StorableText"),
                arguments("/api/accounts", opening("\"occurredAt\": \"-1000000000-01-01T00:00:00Z\""), "occurredAt", "TimeRange"),
                arguments("/api/accounts", opening("\"occurredAt\": \"+1000000000-01-01T00:00:00Z\""), "occurredAt", "TimeRange"),
                arguments("/api/accounts", opening("\"occurredAt\": 1e308"), "occurredAt", "Type"),
                arguments("/api/accounts", opening("\"occurredAt\": \"1700000000\""), "occurredAt", "Format"),
                arguments("/api/accounts", opening("\"cadenceDays\": \"30\""), "cadenceDays", "Type"),
                arguments("/api/accounts", opening("\"cadenceDays\": 30.5"), "cadenceDays", "Format"),
                arguments("/api/accounts", "{\"name\": \"Acme\", \"tier\": \"KEY\", \"annualValue\": \"120000\", \"currency\": \"EUR\", \"ownerId\": \"alice\"}",
                        "annualValue", "Type"),
                arguments(account + "/loss", "{\"reason\": \"PRICE\", \"note\": \"\\u001b[2J\"}", "note", "StorableText"),
                arguments(outreach + "/pitches", "{\"offering\": \"Dashboards\", \"faceToFace\": \"true\", \"staffId\": \"bob\"}",
                        "faceToFace", "Type"),
                arguments(outreach + "/pitches", "{\"offering\": \"Dashboards\", \"faceToFace\": 99999999999999999999, \"staffId\": \"bob\"}",
                        "faceToFace", "Format"),
                arguments(outreach + "/contacts", "{\"channel\": \"CALL\", \"outcome\": \"CONNECTED\", \"staffRole\": \"SALES\", "
                        + "\"staffId\": \"bob\", \"note\": \"fine\", \"note\": \"\\u0000\"}", "note", "NoDuplicate"),
                arguments(outreach + "/exit-interviews", "{\"primaryReason\": \"PRICE\", \"otherReasons\": [\"NEGLECT\", 3], "
                        + "\"winBackChance\": \"LOW\"}", "otherReasons[1]", "Format"),
                arguments(outreach + "/calls", "{\"staffId\": \"bob\", \"dueAt\": \"2201-01-01T00:00:00Z\", \"purpose\": \"Check in\"}",
                        "dueAt", "TimeRange"));
    }

    @ParameterizedTest(name = "POST {0} {1}: 400 on {2} ({3})")
    @MethodSource
    @Order(1)
    void refusedCommands(String path, String body, String field, String rule) {
        long before = store.count();

        Reply reply = api.post(path, body, Map.of());

        assertProblem(reply, 400);
        assertThat(reply.json().get("errors").valueStream()
                .map(error -> error.get("field").asString() + ":" + error.get("rule").asString()))
                .contains(field + ":" + rule);
        assertThat(store.count()).isEqualTo(before);
    }

    static Stream<Arguments> refusedQuestions() {
        String health = "/api/insights/accounts/" + UUID.randomUUID() + "/health";
        return Stream.of(
                arguments("/api/accounts?q=%00", "q", "StorableText"),
                arguments("/api/accounts?q=%ED%A0%80", "q", "StorableText"),
                arguments("/api/insights/portfolio/trend?to=-1000000000-01-01T00:00:00Z", "to", "TimeRange"),
                arguments("/api/insights/portfolio/trend?step=P9999999999999D", "step", "TimeRange"),
                arguments("/api/insights/portfolio/trend?from=2000-01-01T00:00:00Z&step=P1D", "step", "Points"),
                arguments("/api/insights/portfolio/trend?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from", "BeforeTo"),
                arguments("/api/insights/losses?to=-1000000000-01-01T00:00:00Z", "to", "TimeRange"),
                arguments("/api/insights/losses?from=1e308", "from", "Format"),
                arguments(health + "?asOf=-1000000000-01-01T00:00:00Z", "asOf", "TimeRange"),
                arguments("/api/insights/call-list?owner=alice&date=-999999999-01-01", "date", "TimeRange"));
    }

    @ParameterizedTest(name = "GET {0}: 400 on {1} ({2})")
    @MethodSource
    @Order(2)
    void refusedQuestions(String pathAndQuery, String field, String rule) {
        Reply reply = api.get(pathAndQuery);

        assertProblem(reply, 400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(reply.json().get("errors").get(0).get("rule").asString()).isEqualTo(rule);
    }

    /**
     * The last test: the database is killed, and a command and a question each answer 503 with a
     * Retry-After within the gateway's timeout; once it is back, the same command is recorded once.
     */
    @Test
    @Order(3)
    void whileTheDatabaseIsDownEveryRequestIsA503AndARetryLaterIsRecordedOnce() {
        UUID accountId = UUID.randomUUID();
        Map<String, Object> opening = anAccount().with("accountId", accountId.toString()).body();

        database.kill();
        Reply write;
        Reply read;
        Instant asked = Instant.now();
        try {
            write = api.post("/api/accounts", opening);
            read = api.get("/api/accounts?q=Acme");
        } finally {
            database.startServer();
        }
        Duration waited = Duration.between(asked, Instant.now());

        assertProblem(write, 503);
        assertProblem(read, 503);
        assertThat(write.header("Retry-After")).isEqualTo("5");
        assertThat(read.header("Retry-After")).isEqualTo("5");
        assertThat(waited).as("both answers came well before the gateway's timeout").isLessThan(Duration.ofSeconds(40));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.post("/api/accounts", opening).status(), status -> status == 201);
        assertThat(store.countFor(accountId)).isEqualTo(1);
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.text()).doesNotContain("Exception", "at com.", "at org.");
    }
}
