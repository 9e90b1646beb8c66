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
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Request bodies, request rates and sign-ins beyond the configured limits, tiny here. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "RAPPORT_MAX_BODY_BYTES=1KB",
        "RAPPORT_RATE_LIMIT_PER_SECOND=1",
        "RAPPORT_RATE_LIMIT_BURST=3",
        "rapport.security.login.per-address-per-minute=1",
        "rapport.security.login.per-address-burst=3"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class LimitsTest {

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
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void refusesABodyLargerThanTheLimit() {
        client.post().uri("/api/accounts").header(Credentials.HEADER, Credentials.ALL_ROLES)
                .header("X-Request-Id", "big-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("x".repeat(1025))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isEqualTo("The request body is larger than 1024 bytes")
                .jsonPath("$.instance").isEqualTo("/api/accounts")
                .jsonPath("$.requestId").isEqualTo("big-1");
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheLimitWithoutAStackTrace(CapturedOutput output) {
        Flux<DataBuffer> chunks = Flux.range(0, 4)
                .<DataBuffer>map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[400]))
                .delayElements(Duration.ofMillis(20));

        client.post().uri("/api/outreach/accounts/a1/contacts").header(Credentials.HEADER, Credentials.ALL_ROLES)
                .header("X-Request-Id", "chunked-1")
                .contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("The request body is larger than 1024 bytes")
                .jsonPath("$.requestId").isEqualTo("chunked-1");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "POST /api/outreach/accounts/a1/contacts 413 \\d+ ms requestId=chunked-1 user=everything"));
        // the caller's mistake: the request line tells it, without a stack trace
        assertThat(output.getAll()).doesNotContain("ResponseStatusException", "\tat ");
    }

    @Test
    void acceptsABodyWithinTheLimit() {
        client.post().uri("/api/accounts").header(Credentials.HEADER, Credentials.ALL_ROLES)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("x".repeat(1024))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void answersA429ProblemPastThePrincipalsRate(CapturedOutput output) {
        // 1 a second with a burst of 3: however slow the first requests are, a quick run of
        // twenty empties the bucket
        EntityExchangeResult<String> refused = null;
        int letThrough = 0;
        while (refused == null && letThrough < 20) {
            EntityExchangeResult<String> result = client.get().uri("/api/insights/portfolio")
                    .header(Credentials.HEADER, Credentials.LEADER).header("X-Request-Id", "busy-" + letThrough)
                    .exchange().expectBody(String.class).returnResult();
            if (result.getStatus().is2xxSuccessful()) {
                assertThat(result.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isNotNull();
                letThrough++;
            } else {
                refused = result;
            }
        }

        assertThat(letThrough).as("requests let through before the first refusal").isBetween(3, 19);
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseBody()).contains("\"status\":429", "\"title\":\"Too Many Requests\"",
                "\"instance\":\"/api/insights/portfolio\"", "\"requestId\":\"busy-" + letThrough + "\"");
        String refusedLine = "GET /api/insights/portfolio 429 \\d+ ms requestId=busy-" + letThrough + " user=a-leader";
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(refusedLine));
        // another principal has its own count
        client.get().uri("/api/insights/portfolio").header(Credentials.HEADER, Credentials.ALL_ROLES).exchange()
                .expectStatus().isOk();
    }

    /** Sign-ins count per client address, which X-Forwarded-For does not change unless a proxy is trusted. */
    @Test
    void refusesSignInsPastTheAddressesRateWhateverAddressTheyClaim() {
        for (int i = 0; i < 3; i++) {
            signIn(MediaType.ALL, "203.0.113." + i)
                    .expectStatus().isFound()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");
        }

        signIn(MediaType.ALL, "198.51.100.7")
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.detail").isEqualTo("Too many sign-in attempts from your address; wait a minute and try again")
                .jsonPath("$.instance").isEqualTo("/login");
        // a person sees the sign-in page again, and why
        signIn(MediaType.TEXT_HTML, "198.51.100.8")
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?throttled");
        client.get().uri("/login?throttled").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("Too many sign-in attempts from your address"));
    }

    private WebTestClient.ResponseSpec signIn(MediaType accept, String forwardedFor) {
        return SignInForm.open(client).post(client, "leader", "guess")
                .accept(accept)
                .header("X-Forwarded-For", forwardedFor)
                .exchange();
    }
}
