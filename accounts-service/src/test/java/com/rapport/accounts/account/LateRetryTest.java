package com.rapport.accounts.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP, a loss or win-back sent again exactly as it was recorded gets the first answer and
 * appends nothing, even when the account has since been won back or lost again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:late-retry;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
class LateRetryTest {

    private static final String OPENED = "2026-01-05T09:00:00Z";
    private static final String LOST = "2026-03-01T10:00:00Z";
    private static final String WON_BACK = "2026-04-01T10:00:00Z";
    private static final String LOST_AGAIN = "2026-05-01T10:00:00Z";
    private static final String LOSS = """
            {"reason": "NEGLECT", "competitor": "Globex", "note": "nobody called", "occurredAt": "%s"}""".formatted(LOST);
    private static final String WIN_BACK = """
            {"occurredAt": "%s"}""".formatted(WON_BACK);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLossRetriedAfterTheWinBackGetsTheFirstAnswer() throws Exception {
        UUID account = opened();
        HttpResponse<String> first = accepted(account, "/loss", LOSS);
        accepted(account, "/win-back", WIN_BACK);

        HttpResponse<String> retry = post(account, "/loss", LOSS);

        assertSameAnswer(retry, first);
        assertThat(eventsOf(account)).isEqualTo(3);
    }

    @Test
    void anotherLossDatedBeforeTheWinBackIsStillRefused() throws Exception {
        UUID account = opened();
        accepted(account, "/loss", LOSS);
        accepted(account, "/win-back", WIN_BACK);

        HttpResponse<String> other = post(account, "/loss", LOSS.replace("nobody called", "too expensive"));

        assertThat(other.statusCode()).as(other.body()).isEqualTo(400);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = json.readTree(other.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("occurredAt");
        assertThat(error.get("rule").asString()).isEqualTo("NotBeforeWinBack");
        assertThat(eventsOf(account)).isEqualTo(3);
    }

    @Test
    void aWinBackRetriedAfterALaterLossGetsTheFirstAnswer() throws Exception {
        UUID account = opened();
        accepted(account, "/loss", LOSS);
        HttpResponse<String> first = accepted(account, "/win-back", WIN_BACK);
        accepted(account, "/loss", "{\"reason\": \"PRICE\", \"occurredAt\": \"" + LOST_AGAIN + "\"}");

        HttpResponse<String> retry = post(account, "/win-back", WIN_BACK);

        assertSameAnswer(retry, first);
        assertThat(eventsOf(account)).isEqualTo(4);
    }

    @Test
    void anOpeningRetriedWithItsIdempotencyKeyAfterALossAndWinBackGetsTheFirstAnswer() throws Exception {
        String key = "late-retry-" + UUID.randomUUID();
        HttpResponse<String> first = open(key);
        UUID account = UUID.fromString(json.readTree(first.body()).get("id").asString());
        accepted(account, "/loss", LOSS);
        accepted(account, "/win-back", WIN_BACK);

        HttpResponse<String> retry = open(key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertSameAnswer(retry, first);
        assertThat(eventsOf(account)).isEqualTo(3);
    }

    private UUID opened() throws IOException, InterruptedException {
        HttpResponse<String> opened = open("late-retry-" + UUID.randomUUID());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return UUID.fromString(json.readTree(opened.body()).get("id").asString());
    }

    private HttpResponse<String> open(String idempotencyKey) throws IOException, InterruptedException {
        String opening = """
                {"name": "Acme Ltd", "tier": "KEY", "annualValue": 120000, "currency": "EUR", "ownerId": "alice",
                 "occurredAt": "%s"}""".formatted(OPENED);
        return http.send(request("/api/accounts", opening).header("Idempotency-Key", idempotencyKey).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> accepted(UUID account, String command, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = post(account, command, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response;
    }

    private HttpResponse<String> post(UUID account, String command, String body) throws IOException, InterruptedException {
        return http.send(request("/api/accounts/" + account + command, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private void assertSameAnswer(HttpResponse<String> retry, HttpResponse<String> first) {
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(first.statusCode());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(json.readTree(retry.body())).isEqualTo(json.readTree(first.body()));
    }

    private long eventsOf(UUID account) {
        return jdbc.sql("SELECT COUNT(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", account.toString()).query(Long.class).single();
    }
}
