package com.rapport.outreach.importing;

import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.Tier;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/outreach/import}, a chunk of an import as the gateway sends it: lines recorded
 * as their single endpoints record them, in order within one transaction, the refused ones
 * writing nothing; accounts another service just opened are waited for when the gateway names
 * their position.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:outreach-import;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "rapport.import.catch-up-wait=PT1S",
        "spring.datasource.hikari.maximum-pool-size=6",
        "spring.datasource.hikari.connection-timeout=2000"})
class OutreachImportTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant OPENED = NOW.minus(Duration.ofDays(30));
    private static final Instant MET = NOW.minus(Duration.ofDays(10));

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    /** An account as accounts-service opens it: its event in the store; returns the store's head after it. */
    private long open(UUID accountId) {
        events.publish(new GenericDomainEventMessage<>("Account", accountId.toString(), 0, new AccountOpened(accountId,
                "Acme", Tier.KEY, new BigDecimal("120000"), "EUR", "alice", "UTC", null, OPENED)));
        return events.createHeadToken().position().orElseThrow();
    }

    private static String contact(UUID accountId, UUID contactId) {
        return """
                {"type":"contact","accountId":"%s","contactId":"%s","channel":"MEETING","outcome":"CONNECTED",\
                "staffId":"alice","staffRole":"EXECUTIVE","durationMinutes":45,"occurredAt":"%s"}"""
                .formatted(accountId, contactId, MET);
    }

    @Test
    void writesExactlyTheGoodLinesInOrderAndNamesEachRefusedOnesLineFieldAndRule() throws Exception {
        UUID account = UUID.randomUUID();
        long opened = open(account);
        UUID contact = UUID.randomUUID();
        UUID call = UUID.randomUUID();
        UUID pitch = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        String chunk = String.join("\n",
                contact(account, contact),
                contact(account, UUID.randomUUID()).replace("\"durationMinutes\":45", "\"durationMinutes\":0"),
                """
                {"type":"call","accountId":"%s","callId":"%s","staffId":"alice","dueAt":"%s","purpose":"Review","occurredAt":"%s"}"""
                        .formatted(account, call, MET, OPENED.plus(Duration.ofDays(1))),
                // the contact of line 1, logged in this same transaction, completes the call
                """
                {"type":"call-completion","callId":"%s","contactId":"%s","occurredAt":"%s"}""".formatted(call, contact, MET),
                contact(stranger, UUID.randomUUID()),
                """
                {"type":"pitch","accountId":"%s","offering":"Dashboards","faceToFace":true,"staffId":"alice"}""".formatted(account),
                """
                {"type":"pitch","accountId":"%s","pitchId":"%s","offering":"Dashboards","faceToFace":true,"staffId":"alice","occurredAt":"%s"}"""
                        .formatted(account, pitch, MET),
                """
                {"type":"pitch-outcome","pitchId":"%s","outcome":"WON","occurredAt":"%s"}""".formatted(pitch, NOW),
                """
                {"type":"exit-interview","accountId":"%s","interviewId":"%s","primaryReason":"NEGLECT","winBackChance":"LOW"}"""
                        .formatted(account, UUID.randomUUID()));

        JsonNode report = importChunk(chunk, Map.of("X-Rapport-After-Position", String.valueOf(opened)));

        assertThat(refusals(report)).containsExactly(
                "2 contact 400 durationMinutes Min",
                "5 contact 404 null null",
                "6 pitch 400 pitchId NotNull",
                "9 exit-interview 409 null null");
        assertThat(report.get("recorded").asInt()).isEqualTo(5);
        assertThat(eventsOf(contact)).isEqualTo(1);
        assertThat(eventsOf(call)).as("scheduled and completed").isEqualTo(2);
        assertThat(eventsOf(pitch)).as("made and answered").isEqualTo(2);
        assertThat(outreachEventsOf(account)).isEqualTo(5);
    }

    @Test
    void aChunkSentAgainAppendsNothing() throws Exception {
        UUID account = UUID.randomUUID();
        long opened = open(account);
        String chunk = contact(account, UUID.randomUUID()) + "\n" + contact(account, UUID.randomUUID());
        importChunk(chunk, Map.of("X-Rapport-After-Position", String.valueOf(opened)));

        JsonNode again = importChunk(chunk, Map.of());

        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(outreachEventsOf(account)).isEqualTo(2);
    }

    @Test
    void waitsForAnAccountOpenedAMomentAgoWhenTheGatewayNamesItsPosition() throws Exception {
        UUID account = UUID.randomUUID();
        long opened = open(account);

        JsonNode report = importChunk(contact(account, UUID.randomUUID()),
                Map.of("X-Rapport-After-Position", String.valueOf(opened)));

        assertThat(report.get("refused")).isEmpty();
        assertThat(outreachEventsOf(account)).isEqualTo(1);
    }

    /** Contacts imported on their own, right after the import of their accounts, which names no position. */
    @Test
    void aChunkNamingNoPositionWaitsForAnAccountItDoesNotKnowYet() throws Exception {
        UUID account = UUID.randomUUID();
        open(account);

        JsonNode report = importChunk(contact(account, UUID.randomUUID()), Map.of());

        assertThat(report.get("refused")).isEmpty();
        assertThat(outreachEventsOf(account)).isEqualTo(1);
    }

    @Test
    void aPositionOutreachDoesNotReachInTimeIsA503AndWritesNothing() throws Exception {
        UUID account = UUID.randomUUID();
        long opened = open(account);

        HttpResponse<String> response = post(contact(account, UUID.randomUUID()),
                Map.of("X-Rapport-After-Position", String.valueOf(opened + 1_000)));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("Run the import again");
        assertThat(outreachEventsOf(account)).isZero();
    }

    /** Chunk after chunk, more than the pool holds: each gives back every connection it took. */
    @Test
    void chunksGiveBackTheConnectionsTheyTake() throws Exception {
        UUID account = UUID.randomUUID();
        long opened = open(account);

        for (int chunk = 0; chunk < 10; chunk++) {
            importChunk(contact(account, UUID.randomUUID()), Map.of("X-Rapport-After-Position", String.valueOf(opened)));
        }

        assertThat(outreachEventsOf(account)).isEqualTo(10);
    }

    @Test
    void csvCellsAreReadAsTheFieldsTheyFill() throws Exception {
        UUID account = UUID.randomUUID();
        long opened = open(account);
        UUID contact = UUID.randomUUID();
        String row = """
                {"type":"contact","accountId":"%s","contactId":"%s","channel":"CALL","outcome":"CONNECTED",\
                "staffId":"1001","staffRole":"SUPPORT","note":"","durationMinutes":" 15 ","occurredAt":"%s"}"""
                .formatted(account, contact, MET);
        String badRow = row.replace(contact.toString(), UUID.randomUUID().toString()).replace(" 15 ", "a quarter hour");

        JsonNode report = importChunk(row + "\n" + badRow,
                Map.of("X-Rapport-After-Position", String.valueOf(opened), "X-Rapport-Line-Format", "csv"));

        assertThat(refusals(report)).singleElement().asString().startsWith("2 contact 400 durationMinutes ");
        assertThat(jdbc.sql("SELECT payload FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", contact.toString()).query(byte[].class).single())
                .asString().contains("\"durationMinutes\":15").contains("\"staffId\":\"1001\"").contains("\"note\":null");
    }

    private JsonNode importChunk(String body, Map<String, String> headers) throws Exception {
        HttpResponse<String> response = post(body, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/outreach/import"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Each refused line as "line type status field rule" (the first field error, if any). */
    private static List<String> refusals(JsonNode report) {
        return report.get("refused").valueStream().map(refused -> {
            JsonNode error = refused.get("problem").path("errors").path(0);
            return refused.get("line").asInt() + " " + refused.get("type").asString(null) + " " + refused.get("status").asInt()
                    + " " + error.path("field").asString(null) + " " + error.path("rule").asString(null);
        }).toList();
    }

    private long eventsOf(UUID aggregate) {
        return jdbc.sql("SELECT COUNT(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregate.toString()).query(Long.class).single();
    }

    /** Outreach's events about the account: everything but its opening. */
    private long outreachEventsOf(UUID account) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM eventstore.domain_event_entry
                        WHERE payload_type LIKE 'rapport.outreach.%' AND CAST(payload AS VARCHAR(10000)) LIKE :account""")
                .param("account", "%" + account + "%").query(Long.class).single();
    }
}
