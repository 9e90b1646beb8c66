package com.rapport.insights;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.insights.feed.EventFeed;
import com.rapport.insights.feed.EventSchemas;
import com.rapport.insights.feed.FeedItem;
import com.rapport.insights.history.AccountHistories;
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

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Contacts logged before ContactLogged's revision 2, as they lie in the event store (the old JSON
 * under revision 1) and in the histories insights kept before the change: insights reads them all
 * as revision 2, with no duration recorded, and the feed serves them upcast.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:insights-contacts-in-revision-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "rapport.insights.reassess-every=PT24H"})
class ContactsStoredInRevision1Test {

    private static final String CONTACT_LOGGED = "rapport.outreach.contact-logged";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    EventStore events;
    @Autowired
    Serializer serializer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountHistories histories;
    @Autowired
    EventFeed feed;
    @Autowired
    EventSchemas schemas;
    @LocalServerPort
    int port;

    private UUID openedKeyAccount() {
        UUID accountId = UUID.randomUUID();
        events.publish(new GenericDomainEventMessage<>("Account", accountId.toString(), 0, new AccountOpened(accountId,
                "Acme", Tier.KEY, new BigDecimal("120000"), "EUR", "alice", "UTC", null, NOW.minus(Duration.ofDays(60)))));
        return accountId;
    }

    /** A connected contact as revision 1 stored it, before contacts recorded their duration. */
    private static String inRevision1(UUID contactId, UUID accountId, String channel, String staffRole, Instant at) {
        return """
                {"contactId":"%s","accountId":"%s","channel":"%s","outcome":"CONNECTED","direction":"OUTBOUND",\
                "staffId":"alice","staffRole":"%s","agenda":"REVIEW","note":null,"occurredAt":"%s"}"""
                .formatted(contactId, accountId, channel, staffRole, at);
    }

    /** The row as the event store holds it. */
    private void storedInRevision1(String eventId, UUID contactId, String payload, Instant at) {
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                            payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                        VALUES (:eventId, :metaData, :payload, '1', :type, :timestamp, :contactId, 0, 'Contact')""")
                .param("eventId", eventId)
                .param("metaData", serializer.serialize(MetaData.emptyInstance(), byte[].class).getData())
                .param("payload", payload.getBytes(StandardCharsets.UTF_8))
                .param("type", CONTACT_LOGGED)
                .param("timestamp", at.toString())
                .param("contactId", contactId.toString())
                .update();
    }

    /** The copy the histories processor kept of it before the change, in the same revision. */
    private void keptInRevision1(String eventId, UUID accountId, String payload, Instant at) {
        jdbc.sql("""
                        INSERT INTO insights.account_event
                            (event_id, account_id, position, occurred_at, payload_type, payload_revision, payload)
                        VALUES (:eventId, :accountId, 0, :occurredAt, :type, '1', :payload)""")
                .param("eventId", eventId)
                .param("accountId", accountId)
                .param("occurredAt", at.atOffset(ZoneOffset.UTC))
                .param("type", CONTACT_LOGGED)
                .param("payload", payload)
                .update();
    }

    private List<String> keptRevisions(UUID accountId) {
        return jdbc.sql("""
                        SELECT payload_revision FROM insights.account_event
                        WHERE account_id = :id AND payload_type = :type ORDER BY occurred_at""")
                .param("id", accountId).param("type", CONTACT_LOGGED).query(String.class).list();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Set<ValidationMessage> validate(EventSchemas.Described described, String json) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(described.schema())
                .validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
    }

    @Test
    void contactsStoredAndKeptInRevision1CountInTheHistoryTheAssessmentAndTheFeed() throws Exception {
        UUID accountId = openedKeyAccount();
        UUID meetingId = UUID.randomUUID();
        Instant met = NOW.minus(Duration.ofDays(20));
        String meeting = inRevision1(meetingId, accountId, "MEETING", "EXECUTIVE", met);
        String meetingEventId = UUID.randomUUID().toString();
        keptInRevision1(meetingEventId, accountId, meeting, met);
        storedInRevision1(meetingEventId, meetingId, meeting, met);
        UUID callId = UUID.randomUUID();
        Instant called = NOW.minus(Duration.ofDays(5));
        String call = inRevision1(callId, accountId, "CALL", "ACCOUNT_MANAGER", called);
        storedInRevision1(UUID.randomUUID().toString(), callId, call, called);

        await().atMost(Duration.ofSeconds(30)).until(() -> histories.of(accountId).size() == 3
                && get("/api/insights/accounts/" + accountId + "/health").statusCode() == 200);

        List<AccountEvent> history = histories.of(accountId);
        assertThat(history.get(1)).isInstanceOfSatisfying(ContactLogged.class, contact -> {
            assertThat(contact.contactId()).isEqualTo(meetingId);
            assertThat(contact.durationMinutes()).isNull();
        });
        assertThat(history.get(2)).isInstanceOfSatisfying(ContactLogged.class, contact -> {
            assertThat(contact.contactId()).isEqualTo(callId);
            assertThat(contact.durationMinutes()).isNull();
        });
        assertThat(keptRevisions(accountId)).as("the copy kept before the change stays; the new one is kept upcast")
                .containsExactly("1", "2");

        JsonNode health = JSON.readTree(get("/api/insights/accounts/" + accountId + "/health").body());
        assertThat(health.get("daysSinceContact").asLong()).isEqualTo(5);
        assertThat(health.get("factors").valueStream()
                .filter(factor -> factor.get("factor").asString().equals("faceTime")).findFirst().orElseThrow()
                .get("reason").asString()).contains("20 days");

        List<FeedItem> served = feed.read(0, 1000, Set.of(CONTACT_LOGGED), accountId).items();
        assertThat(served).hasSize(2);
        EventSchemas.Described latest = schemas.of(CONTACT_LOGGED).orElseThrow();
        EventSchemas.Described first = schemas.of(CONTACT_LOGGED, 1).orElseThrow();
        for (FeedItem item : served) {
            assertThat(item.revision()).as("served upcast").isEqualTo("2");
            assertThat(JSON.readTree(item.data()).get("durationMinutes").isNull()).isTrue();
            assertThat(validate(latest, item.data())).as("matches the latest revision's schema").isEmpty();
            assertThat(validate(first, item.data())).as("is not in revision 1's shape").isNotEmpty();
        }
        assertThat(validate(first, meeting)).as("what revision 1 stored matches revision 1's schema").isEmpty();
    }

    @Test
    void eachRevisionsSchemaIsServed() throws Exception {
        JsonNode listed = JSON.readTree(get("/api/events/schemas").body());
        List<String> contactRevisions = listed.get("items").valueStream()
                .filter(item -> item.get("type").asString().equals(CONTACT_LOGGED))
                .map(item -> item.get("revision").asInt() + " " + item.get("latest").asBoolean() + " " + item.get("href").asString())
                .toList();
        assertThat(contactRevisions).containsExactly(
                "1 false /api/events/schemas/" + CONTACT_LOGGED + "?revision=1",
                "2 true /api/events/schemas/" + CONTACT_LOGGED + "?revision=2");

        assertThat(get("/api/events/schemas/" + CONTACT_LOGGED).body()).contains("durationMinutes");
        HttpResponse<String> first = get("/api/events/schemas/" + CONTACT_LOGGED + "?revision=1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("revision 1").doesNotContain("durationMinutes");

        HttpResponse<String> none = get("/api/events/schemas/" + CONTACT_LOGGED + "?revision=3");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("revisions 1 to 2");
        assertThat(get("/api/events/schemas/" + CONTACT_LOGGED + "?revision=latest").statusCode()).isEqualTo(400);
    }
}
