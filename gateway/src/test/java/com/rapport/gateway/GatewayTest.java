package com.rapport.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway in front of three stand-in services, spoken to over HTTP on a random port, by a
 * client whose API key holds every role.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
        // Boot's tests keep metrics export off unless asked
        "management.prometheus.metrics.export.enabled=true"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class GatewayTest {

    private static final StubService accounts = StubService.start("accounts");
    private static final StubService outreach = StubService.start("outreach");
    private static final StubService insights = StubService.start("insights");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("RAPPORT_ACCOUNTS_URL", accounts::url);
        registry.add("RAPPORT_OUTREACH_URL", outreach::url);
        registry.add("RAPPORT_INSIGHTS_URL", insights::url);
        Credentials.register(registry);
    }

    @AfterAll
    static void stopServices() throws InterruptedException {
        accounts.close();
        outreach.close();
        insights.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void connect() {
        // sends the URIs below as written: they are already encoded
        DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory("http://127.0.0.1:" + port);
        uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.NONE);
        client = WebTestClient.bindToServer()
                .uriBuilderFactory(uris)
                .responseTimeout(Duration.ofSeconds(10))
                .defaultHeader(Credentials.HEADER, Credentials.ALL_ROLES)
                .build();
    }

    // routing

    @Test
    void routesAccountsWithPathAndQueryIntact() {
        assertBody("/api/accounts/42?tier=KEY&q=a%20b", "accounts GET /api/accounts/42?tier=KEY&q=a%20b");
    }

    @Test
    void routesTheAccountsCollectionItself() {
        client.post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Acme\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("accounts POST /api/accounts");
    }

    @Test
    void routesOutreach() {
        assertBody("/api/outreach/accounts/7/contacts?page=2", "outreach GET /api/outreach/accounts/7/contacts?page=2");
    }

    @Test
    void routesInsights() {
        assertBody("/api/insights/health?band=AT_RISK&neglected=true",
                "insights GET /api/insights/health?band=AT_RISK&neglected=true");
    }

    @Test
    void routesTheEventFeedToInsights() {
        assertBody("/api/events?after=10&limit=5", "insights GET /api/events?after=10&limit=5");
        assertBody("/api/events/42", "insights GET /api/events/42");
    }

    @Test
    void letsTheEventStreamTakeLongerThanTheResponseTimeout() {
        // the stream answers after 1.5 s, the response timeout is 1 s
        assertBody("/api/events/stream?after=3", "insights GET /api/events/stream?after=3");
    }

    @Test
    void keepsTheActuatorForItself() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    // request ids

    @Test
    void generatesARequestIdWhenNoneIsGiven() {
        String requestId = client.get().uri("/api/accounts/1").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(accounts.lastRequest().requestId()).isEqualTo(requestId);
    }

    @Test
    void keepsTheCallersRequestIdAndReturnsItOnce() {
        List<String> returned = client.get().uri("/api/outreach/calls/9").header("X-Request-Id", "trace-7.a:b_c")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().get("X-Request-Id");

        // the service echoes the id too; the caller still sees one
        assertThat(returned).containsExactly("trace-7.a:b_c");
        assertThat(outreach.lastRequest().requestId()).isEqualTo("trace-7.a:b_c");
    }

    @Test
    void replacesARequestIdThatIsNotShortAndPrintable() {
        String requestId = client.get().uri("/api/insights/portfolio").header("X-Request-Id", "x".repeat(101))
                .exchange()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(insights.lastRequest().requestId()).isEqualTo(requestId);
    }

    @Test
    void logsOneLinePerRequestUnderItsId(CapturedOutput output) {
        client.get().uri("/api/accounts/5?secret=not-logged").header("X-Request-Id", "log-line-1").exchange()
                .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(output.getOut()).containsPattern("GET /api/accounts/5 200 \\d+ ms requestId=log-line-1"));
        assertThat(output.getOut()).doesNotContain("not-logged");
    }

    // problems

    @Test
    void answersA504ProblemWhenAServiceIsTooSlow(CapturedOutput output) {
        client.get().uri("/api/outreach/slow").header("X-Request-Id", "slow-1").exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", "slow-1")
                .expectBody()
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.title").isEqualTo("Gateway Timeout")
                .jsonPath("$.detail").isEqualTo("outreach-service did not answer in time; try again shortly")
                .jsonPath("$.instance").isEqualTo("/api/outreach/slow")
                .jsonPath("$.requestId").isEqualTo("slow-1")
                .jsonPath("$.trace").doesNotExist();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(output.getOut()).containsPattern("GET /api/outreach/slow 504 \\d+ ms requestId=slow-1"));
    }

    @Test
    void answersA404ProblemForAPathNoServiceServes() {
        client.get().uri("/nope").header("X-Request-Id", "lost-1").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.instance").isEqualTo("/nope")
                .jsonPath("$.requestId").isEqualTo("lost-1");
    }

    // metrics

    @Test
    void servesPrometheusMetricsTaggedWithTheApplicationAndTheRoute() {
        client.get().uri("/api/accounts/3").exchange().expectStatus().isOk();

        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text)
                        .contains("application=\"gateway\"")
                        .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"accounts\""));
    }

    private void assertBody(String uri, String expected) {
        client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(expected);
    }
}
