package com.rapport.outreach;

import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.Tier;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Contacts logged before ContactLogged's revision 2, as they lie in the event store: the old
 * JSON under revision 1. The service loads them as revision 2, with no duration recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:contacts-in-revision-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
class ContactsStoredInRevision1Test {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant OPENED = NOW.minus(Duration.ofDays(30));
    private static final Instant MET = NOW.minus(Duration.ofDays(10));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    EventStore events;
    @Autowired
    Serializer serializer;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private UUID openedAccount() {
        UUID accountId = UUID.randomUUID();
        events.publish(new GenericDomainEventMessage<>("Account", accountId.toString(), 0, new AccountOpened(accountId,
                "Acme", Tier.KEY, new BigDecimal("120000"), "EUR", "alice", "UTC", null, OPENED)));
        return accountId;
    }

    /** A meeting as revision 1 stored it, before contacts recorded their duration: the row as the store holds it. */
    private UUID metInRevision1(UUID accountId) {
        UUID contactId = UUID.randomUUID();
        String payload = """
                {"contactId":"%s","accountId":"%s","channel":"MEETING","outcome":"CONNECTED","direction":"OUTBOUND",\
                "staffId":"alice","staffRole":"EXECUTIVE","agenda":"REVIEW","note":"Quarterly review","occurredAt":"%s"}"""
                .formatted(contactId, accountId, MET);
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                            payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                        VALUES (:eventId, :metaData, :payload, '1', 'rapport.outreach.contact-logged', :timestamp,
                            :contactId, 0, 'Contact')""")
                .param("eventId", UUID.randomUUID().toString())
                .param("metaData", serializer.serialize(MetaData.emptyInstance(), byte[].class).getData())
                .param("payload", payload.getBytes(StandardCharsets.UTF_8))
                .param("timestamp", MET.toString())
                .param("contactId", contactId.toString())
                .update();
        return contactId;
    }

    /** The meeting {@link #metInRevision1} stored, as a client would send it again. */
    private static Map<String, Object> theMeeting(UUID contactId) {
        return new HashMap<>(Map.of("contactId", contactId.toString(), "channel", "MEETING", "outcome", "CONNECTED",
                "direction", "OUTBOUND", "staffId", "alice", "staffRole", "EXECUTIVE", "agenda", "REVIEW",
                "note", "Quarterly review", "occurredAt", MET.toString()));
    }

    private static Map<String, Object> aCall(Object durationMinutes, String outcome) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "CALL", "outcome", outcome, "staffId", "bob",
                "staffRole", "ACCOUNT_MANAGER"));
        body.put("durationMinutes", durationMinutes);
        return body;
    }

    private HttpResponse<String> logContact(UUID accountId, Map<String, Object> body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/api/outreach/accounts/" + accountId + "/contacts"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<JsonNode> timeline(UUID accountId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/outreach/accounts/" + accountId + "/timeline")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() != 200 ? List.of() : JSON.readTree(response.body()).get("items").valueStream().toList();
    }

    private long contactsLogged() {
        return jdbc.sql("SELECT COUNT(*) FROM eventstore.domain_event_entry WHERE payload_type = 'rapport.outreach.contact-logged'")
                .query(Long.class).single();
    }

    private long eventsOf(UUID aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId.toString()).query(Long.class).single();
    }

    private JsonNode storedPayload(UUID contactId) {
        return jdbc.sql("SELECT payload_revision, payload FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", contactId.toString())
                .query((row, number) -> ((ObjectNode) JSON.readTree(new String(row.getBytes("payload"), StandardCharsets.UTF_8)))
                        .put("storedRevision", row.getString("payload_revision")))
                .single();
    }

    @Test
    void theContactLoadsSoTheSameRequestAgainAppendsNothingAndOtherDetailsAreRefused() throws Exception {
        UUID accountId = openedAccount();
        UUID contactId = metInRevision1(accountId);

        HttpResponse<String> retried = logContact(accountId, theMeeting(contactId));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(JSON.readTree(retried.body()).get("id").asString()).isEqualTo(contactId.toString());
        assertThat(eventsOf(contactId)).isEqualTo(1);

        Map<String, Object> withADuration = theMeeting(contactId);
        withADuration.put("durationMinutes", 45);
        HttpResponse<String> other = logContact(accountId, withADuration);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(eventsOf(contactId)).isEqualTo(1);
    }

    @Test
    void theTimelineShowsTheContactInTheCurrentRevisionWithNoDuration() throws Exception {
        UUID accountId = openedAccount();
        UUID contactId = metInRevision1(accountId);

        await().atMost(Duration.ofSeconds(20)).until(() -> timeline(accountId).size() == 2);
        JsonNode contact = timeline(accountId).get(0);

        assertThat(contact.get("type").asString()).isEqualTo("rapport.outreach.contact-logged");
        assertThat(contact.get("occurredAt").asString()).isEqualTo(MET.toString());
        assertThat(contact.get("summary").asString())
                .isEqualTo("alice (executive) met the client \u2014 review: \u201cQuarterly review\u201d");
        assertThat(contact.get("data").get("contactId").asString()).isEqualTo(contactId.toString());
        assertThat(contact.get("data").has("durationMinutes")).isTrue();
        assertThat(contact.get("data").get("durationMinutes").isNull()).isTrue();
        assertThat(storedPayload(contactId).get("storedRevision").asString()).as("the store is not rewritten").isEqualTo("1");
    }

    @Test
    void aNewContactRecordsItsDurationInRevision2() throws Exception {
        UUID accountId = openedAccount();
        await().atMost(Duration.ofSeconds(20)).until(() -> timeline(accountId).size() == 1);

        HttpResponse<String> logged = logContact(accountId, aCall(25, "CONNECTED"));

        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        JsonNode stored = storedPayload(UUID.fromString(JSON.readTree(logged.body()).get("id").asString()));
        assertThat(stored.get("storedRevision").asString()).isEqualTo("2");
        assertThat(stored.get("durationMinutes").asInt()).isEqualTo(25);
        await().atMost(Duration.ofSeconds(20)).until(() -> timeline(accountId).size() == 2);
        assertThat(timeline(accountId).get(0).get("summary").asString())
                .isEqualTo("bob (account manager) called the client \u2014 check in (25 minutes)");
    }

    @Test
    void refusesADurationThatIsNone() throws Exception {
        UUID accountId = openedAccount();
        await().atMost(Duration.ofSeconds(20)).until(() -> timeline(accountId).size() == 1);
        long before = contactsLogged();

        for (Map<String, Object> bad : List.of(aCall(0, "CONNECTED"), aCall(24 * 60 + 1, "CONNECTED"),
                aCall("long", "CONNECTED"), aCall(5, "NO_ANSWER"))) {
            HttpResponse<String> refused = logContact(accountId, bad);
            assertThat(refused.statusCode()).as("%s: %s", bad, refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).as("%s", bad).contains("durationMinutes");
        }
        assertThat(contactsLogged()).as("nothing was recorded").isEqualTo(before);
    }
}
