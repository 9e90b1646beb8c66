package com.rapport.gateway.ratelimit;

import com.rapport.gateway.Credentials;
import com.rapport.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts kept in Redis when RAPPORT_REDIS_URL is set. Needs a Redis on 127.0.0.1:6379
 * (RAPPORT_TEST_REDIS_URL names another); skipped when there is none.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "RAPPORT_RATE_LIMIT_PER_SECOND=1",
        "RAPPORT_RATE_LIMIT_BURST=2"})
@DirtiesContext
class RedisRateLimitTest {

    private static final String REDIS_URL = System.getenv().getOrDefault("RAPPORT_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    private static final StubService insights = StubService.start("insights");

    @BeforeAll
    static void needsRedis() {
        java.net.URI uri = java.net.URI.create(REDIS_URL);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
        } catch (IOException e) {
            Assumptions.abort("no Redis at " + REDIS_URL);
        }
    }

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("RAPPORT_INSIGHTS_URL", insights::url);
        registry.add("RAPPORT_REDIS_URL", () -> REDIS_URL);
        // a fresh key holder each run, so counts left in Redis by an earlier run do not count
        String run = UUID.randomUUID().toString();
        registry.add("rapport.security.api-keys[0].name", () -> "redis-test-" + run);
        registry.add("rapport.security.api-keys[0].hash", () -> Credentials.sha256Hex(run));
        registry.add("rapport.security.api-keys[0].roles", () -> "LEADER");
        registry.add("rapport.security.users-file", () -> System.getProperty("java.io.tmpdir") + "/rapport-" + run + "/users");
        registry.add("test.key", () -> run);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        insights.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    RateLimiter<?> limiter;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void countsInRedisAndAnswersA429Problem() {
        assertThat(limiter).isInstanceOf(RedisRateLimiter.class);
        // the first request opens the Redis connection, which a loaded machine may take a while over
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(Credentials.HEADER, environment.getProperty("test.key")).build();

        // 1 a second with a burst of 2: however slow the first requests are, a quick run of
        // twenty empties the bucket
        EntityExchangeResult<String> refused = null;
        int letThrough = 0;
        while (refused == null && letThrough < 20) {
            EntityExchangeResult<String> result = client.get().uri("/api/insights/losses").exchange()
                    .expectBody(String.class).returnResult();
            if (result.getStatus().is2xxSuccessful()) {
                letThrough++;
            } else {
                refused = result;
            }
        }

        assertThat(letThrough).as("requests let through before the first refusal").isBetween(2, 19);
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseBody()).contains("\"status\":429");
    }
}
