package com.rapport.accounts.importing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/accounts/import}, a chunk of an import as the gateway sends it: each line is
 * recorded as its single endpoint records it, a refused line writes nothing and names its line
 * number, field and rule, and the chunk sent again appends nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:account-import;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
class AccountImportTest {

    private static final String OPENED = "2026-01-05T09:00:00Z";
    private static final String LOST = "2026-03-01T10:00:00Z";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static String opening(UUID accountId) {
        return """
                {"type":"account","accountId":"%s","name":"Acme","tier":"KEY","annualValue":120000.10,"currency":"EUR",\
                "ownerId":"alice","timezone":"Europe/Paris","occurredAt":"%s"}""".formatted(accountId, OPENED);
    }

    private static String loss(UUID accountId) {
        return """
                {"type":"loss","accountId":"%s","reason":"NEGLECT","note":"nobody called","occurredAt":"%s"}"""
                .formatted(accountId, LOST);
    }

    @Test
    void writesExactlyTheGoodLinesAndNamesEachRefusedOnesLineFieldAndRule() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID negative = UUID.randomUUID();
        String chunk = String.join("\n",
                opening(first),
                opening(negative).replace("120000.10", "-5"),
                "{not json",
                opening(second),
                loss(first),
                """
                {"type":"loss","accountId":"%s","reason":"NEGLECT"}""".formatted(second),
                """
                {"type":"bankruptcy","accountId":"%s"}""".formatted(second));

        JsonNode report = importChunk(chunk);

        assertThat(report.get("lines").asInt()).isEqualTo(7);
        assertThat(report.get("recorded").asInt()).isEqualTo(3);
        assertThat(report.get("unchanged").asInt()).isZero();
        assertThat(refusals(report)).containsExactly(
                "2 account 400 annualValue PositiveOrZero",
                "3 null 400 $ JSON",
                "6 loss 400 occurredAt NotNull",
                "7 bankruptcy 400 type OneOf");
        assertThat(eventsOf(first)).isEqualTo(2);
        assertThat(eventsOf(second)).isEqualTo(1);
        assertThat(eventsOf(negative)).isZero();
        assertThat(jdbc.sql("SELECT payload FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", second.toString()).query(byte[].class).single())
                .asString().as("the amount as written, not as a double").contains("120000.10");
    }

    @Test
    void aChunkSentAgainAppendsNothing() throws Exception {
        UUID account = UUID.randomUUID();
        String chunk = opening(account) + "\n" + loss(account) + "\n";
        importChunk(chunk);

        JsonNode again = importChunk(chunk);

        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.get("refused")).isEmpty();
        assertThat(eventsOf(account)).isEqualTo(2);
    }

    /**
     * The aggregate's refusal rolls its unit of work back, which marks the transaction it joined
     * rollback-only; rolling back to the line's savepoint lifts that, so the chunk still commits.
     */
    @Test
    void aRuleRefusingOneLineLeavesTheLinesAroundItRecorded() throws Exception {
        UUID account = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        String chunk = String.join("\n",
                opening(account),
                loss(unknown),
                """
                {"type":"win-back","accountId":"%s","occurredAt":"%s"}""".formatted(account, LOST),
                opening(later));

        JsonNode report = importChunk(chunk);

        assertThat(refusals(report)).containsExactly("2 loss 404 null null", "3 win-back 409 null null");
        assertThat(report.get("recorded").asInt()).isEqualTo(2);
        assertThat(eventsOf(account)).isEqualTo(1);
        assertThat(eventsOf(later)).isEqualTo(1);
        assertThat(eventsOf(unknown)).isZero();
        assertThat(report.get("position").asLong()).as("the store's head after the chunk")
                .isGreaterThanOrEqualTo(jdbc.sql("SELECT MAX(global_index) FROM eventstore.domain_event_entry")
                        .query(Long.class).single());
    }

    @Test
    void aRefusedLineCarriesTheProblemItsEndpointAnswers() throws Exception {
        UUID account = UUID.randomUUID();
        String line = opening(account).replace("\"tier\":\"KEY\"", "\"tier\":\"GOLD\"");

        JsonNode refused = importChunk(line).get("refused").get(0);
        HttpResponse<String> single = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(line)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.get("status").asInt()).isEqualTo(single.statusCode());
        JsonNode expected = json.readTree(single.body());
        assertThat(refused.get("problem").get("errors")).isEqualTo(expected.get("errors"));
        assertThat(refused.get("problem").get("detail")).isEqualTo(expected.get("detail"));
    }

    private JsonNode importChunk(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/accounts/import"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
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
}
