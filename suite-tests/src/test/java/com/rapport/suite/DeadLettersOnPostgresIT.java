package com.rapport.suite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.rapport.suite.AccountOpening.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event already in the store that no read model can keep on PostgreSQL, which refuses a NUL
 * byte in a text column: the account opened with a name holding one, as an edge that let it
 * through would have recorded it. Each read model that cannot take it dead-letters it and goes on
 * with the events after it; the service's health names the processor, its metrics and its
 * processors endpoint show the dead letter. Runs where RAPPORT_TEST_PG_URL names a server (CI does).
 */
@EnabledIfEnvironmentVariable(named = PostgresDatabase.SERVER_URL, matches = ".+")
class DeadLettersOnPostgresIT extends ThroughTheGateway {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The read models that keep an account's name, and so cannot take the poisoned one. */
    private static final Map<Suite.Component, String> KEEPING_NAMES = Map.of(
            Suite.Component.ACCOUNTS, "directory",
            Suite.Component.OUTREACH, "timeline",
            Suite.Component.INSIGHTS, "histories");

    @BeforeAll
    static void startSuite() {
        use(Suite.start("dead-letters-postgres", PostgresDatabase.create()));
    }

    @AfterAll
    static void stop() {
        stopSuite();
    }

    @Test
    void anEventNoReadModelCanKeepIsDeadLetteredVisiblyAndTheEventsAfterItAreProjected() throws Exception {
        UUID before = created(api.post("/api/accounts", anAccount().body()));
        UUID poisoned = UUID.randomUUID();
        String poison = openedWithANulInItsName(poisoned, before);
        UUID after = created(api.post("/api/accounts", anAccount().with("name", "After the poison").body()));
        created(api.post("/api/outreach/accounts/" + after + "/contacts", Map.of("channel", "CALL", "outcome", "CONNECTED",
                "staffId", "alice", "staffRole", "ACCOUNT_MANAGER")));

        await().atMost(PATIENCE).until(() -> api.get("/api/accounts/" + after).status() == 200
                && timeline(after).stream().anyMatch(item -> item.path("type").asString().equals("rapport.outreach.contact-logged"))
                && api.get("/api/insights/accounts/" + after + "/health").status() == 200);
        assertThat(api.get("/api/accounts/" + poisoned).status()).isEqualTo(404);

        KEEPING_NAMES.forEach((service, processor) -> {
            Api actuator = new Api(suite.service(service));
            await().atMost(PATIENCE).until(() -> processorStatus(actuator, processor).path("deadLetters").asLong() >= 1);

            JsonNode status = processorStatus(actuator, processor);
            JsonNode letter = status.path("deadLettered").get(0);
            assertThat(letter.path("eventId").asString()).as(processor).isEqualTo(poison);
            assertThat(letter.path("account").asString()).as(processor).isEqualTo(poisoned.toString());
            assertThat(letter.path("type").asString()).as(processor).isEqualTo("rapport.accounts.account-opened");
            assertThat(letter.path("cause").asString()).as(processor).contains("0x00");
            assertThat(status.path("lag").asLong()).as(processor).isGreaterThanOrEqualTo(1);

            Api.Reply health = actuator.get("/actuator/health");
            assertThat(health.status()).as(service + " health").isEqualTo(503);
            assertThat(health.json().path("components").path("processors").path("components").path(processor)
                    .path("status").asString()).as(processor).isEqualTo("DOWN");
            assertThat(actuator.getText("/actuator/prometheus").text())
                    .containsPattern("rapport_processor_dead_letters\\{[^}]*processor=\"" + processor + "\"[^}]*\\} [1-9]");
        });
    }

    /**
     * Appends the poisoned opening straight to the store, with the metadata of an event the suite
     * recorded, and answers its event id.
     */
    private static String openedWithANulInItsName(UUID account, UUID recordedBefore) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        // \\u0000 is JSON's escape for NUL: Jackson reads it into the name, PostgreSQL refuses it in a text column
        String payload = """
                {"accountId":"%s","name":"Acme\\u0000Ltd","tier":"KEY","annualValue":120000,"currency":"EUR",\
                "ownerId":"alice","timezone":"Europe/Paris","cadenceDays":null,"occurredAt":"%s"}"""
                .formatted(account, Instant.now().minusSeconds(60));
        try (Connection connection = suite.database().connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO eventstore.domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                         payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                     SELECT ?, meta_data, ?, '1', 'rapport.accounts.account-opened', ?, ?, 0, type
                     FROM eventstore.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""")) {
            insert.setString(1, eventId);
            insert.setBytes(2, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(3, Instant.now().toString());
            insert.setString(4, account.toString());
            insert.setString(5, recordedBefore.toString());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return eventId;
    }

    private static JsonNode processorStatus(Api actuator, String processor) {
        return actuator.get("/actuator/processors/" + processor).json();
    }

    private static List<JsonNode> timeline(UUID account) {
        Api.Reply reply = api.get("/api/outreach/accounts/" + account + "/timeline?size=20");
        return reply.status() != 200 ? List.of()
                : reply.json().path("items").valueStream().toList();
    }

    private static UUID created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().path("id").asString());
    }
}
