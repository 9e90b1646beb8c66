package com.rapport.gateway.security;

import com.rapport.gateway.Credentials;
import com.rapport.gateway.SignInForm;
import com.rapport.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.util.MultiValueMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Who gets through the gateway, to which route, with which credentials. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        // every sign-in here comes from 127.0.0.1; LimitsTest holds it to its limit
        "rapport.security.login.per-address-burst=1000"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SecurityTest {

    private static final StubService accounts = StubService.start("accounts");
    private static final StubService outreach = StubService.start("outreach");
    private static final StubService insights = StubService.start("insights");
    private static final Jwks issuer = Jwks.start();

    private static final String PASSWORD = "correct horse battery staple";
    private static final String NINA_HASH = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("RAPPORT_ACCOUNTS_URL", accounts::url);
        registry.add("RAPPORT_OUTREACH_URL", outreach::url);
        registry.add("RAPPORT_INSIGHTS_URL", insights::url);
        registry.add("RAPPORT_JWT_JWK_SET_URI", issuer::jwkSetUri);
        registry.add("RAPPORT_JWT_ISSUER_URI", () -> Jwks.ISSUER);
        registry.add("rapport.security.users[0].username", () -> "lena");
        registry.add("rapport.security.users[0].password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));
        registry.add("rapport.security.users[0].roles", () -> "LEADER,STAFF");
        // a second person, for the lockout: lena's sign-ins must not be affected by it
        registry.add("rapport.security.users[1].username", () -> "max");
        registry.add("rapport.security.users[1].password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));
        registry.add("rapport.security.users[1].roles", () -> "LEADER");
        // one person each for the lockout's other tests: nina is guessed at in parallel, olga in other cases
        registry.add("rapport.security.users[2].username", () -> "nina");
        registry.add("rapport.security.users[2].password-hash", () -> NINA_HASH);
        registry.add("rapport.security.users[2].roles", () -> "LEADER");
        registry.add("rapport.security.users[3].username", () -> "Olga");
        registry.add("rapport.security.users[3].password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));
        registry.add("rapport.security.users[3].roles", () -> "LEADER");
        Credentials.register(registry);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        accounts.close();
        outreach.close();
        insights.close();
        issuer.close();
    }

    @LocalServerPort
    int port;

    @MockitoSpyBean
    PasswordEncoder passwords;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    // the contract, route by route

    record Route(HttpMethod method, String path, List<String> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Map<String, String> ROLE_KEYS = Map.of(
            "LEADER", Credentials.LEADER, "STAFF", Credentials.STAFF,
            "INTEGRATION", Credentials.INTEGRATION, "OPS", Credentials.OPS);

    static Stream<Route> routes() {
        List<String> staff = List.of("STAFF");
        List<String> staffAndLeader = List.of("STAFF", "LEADER");
        List<String> leader = List.of("LEADER");
        List<String> feed = List.of("INTEGRATION", "LEADER");
        return Stream.of(
                new Route(HttpMethod.POST, "/api/accounts", staff),
                new Route(HttpMethod.GET, "/api/accounts?owner=o&tier=KEY", staffAndLeader),
                new Route(HttpMethod.GET, "/api/accounts/a1", staffAndLeader),
                new Route(HttpMethod.PATCH, "/api/accounts/a1", staff),
                new Route(HttpMethod.PUT, "/api/accounts/a1/owner", staff),
                new Route(HttpMethod.POST, "/api/accounts/a1/loss", staff),
                new Route(HttpMethod.POST, "/api/accounts/a1/win-back", staff),
                new Route(HttpMethod.POST, "/api/outreach/accounts/a1/contacts", staff),
                new Route(HttpMethod.POST, "/api/outreach/accounts/a1/pitches", staff),
                new Route(HttpMethod.POST, "/api/outreach/accounts/a1/feedback", staff),
                new Route(HttpMethod.POST, "/api/outreach/accounts/a1/unmet-needs", staff),
                new Route(HttpMethod.POST, "/api/outreach/accounts/a1/competitor-signals", staff),
                new Route(HttpMethod.POST, "/api/outreach/accounts/a1/exit-interviews", staff),
                new Route(HttpMethod.POST, "/api/outreach/accounts/a1/calls", staff),
                new Route(HttpMethod.POST, "/api/outreach/pitches/p1/outcome", staff),
                new Route(HttpMethod.POST, "/api/outreach/unmet-needs/n1/resolution", staff),
                new Route(HttpMethod.POST, "/api/outreach/calls/c1/reschedule", staff),
                new Route(HttpMethod.POST, "/api/outreach/calls/c1/completion", staff),
                new Route(HttpMethod.POST, "/api/outreach/calls/c1/missed", staff),
                new Route(HttpMethod.GET, "/api/outreach/accounts/a1/timeline", staffAndLeader),
                new Route(HttpMethod.GET, "/api/insights/accounts/a1/health?asOf=2026-01-01T00:00:00Z", leader),
                new Route(HttpMethod.GET, "/api/insights/health?band=AT_RISK", leader),
                new Route(HttpMethod.GET, "/api/insights/portfolio", leader),
                new Route(HttpMethod.GET, "/api/insights/portfolio/trend", leader),
                new Route(HttpMethod.GET, "/api/insights/call-list?owner=o", staffAndLeader),
                new Route(HttpMethod.GET, "/api/insights/losses", leader),
                new Route(HttpMethod.GET, "/api/insights/unmet-needs", leader),
                new Route(HttpMethod.GET, "/api/insights/backtest", leader),
                new Route(HttpMethod.POST, "/api/insights/backtest", leader),
                new Route(HttpMethod.GET, "/api/insights/policy", leader),
                new Route(HttpMethod.GET, "/api/insights/policy/history", leader),
                new Route(HttpMethod.PUT, "/api/insights/policy", leader),
                new Route(HttpMethod.GET, "/api/events?after=1", feed),
                new Route(HttpMethod.GET, "/api/events/stream", feed),
                new Route(HttpMethod.GET, "/actuator/prometheus", List.of("OPS")),
                new Route(HttpMethod.GET, "/actuator/info", List.of("OPS")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void refusesARequestWithoutCredentials(Route route) {
        WebTestClient.ResponseSpec response = request(route).header("X-Request-Id", "anonymous-1").exchange()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rapport\"");
        expectProblem(response, HttpStatus.UNAUTHORIZED, route, "anonymous-1")
                .jsonPath("$.detail").isEqualTo("Sign in, or send a bearer token or an API key (X-Api-Key)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void refusesEveryOtherRole(Route route) {
        ROLE_KEYS.forEach((role, key) -> {
            if (!route.allowed().contains(role)) {
                expectProblem(request(route).header(Credentials.HEADER, key).header("X-Request-Id", "denied-" + role)
                        .exchange(), HttpStatus.FORBIDDEN, route, "denied-" + role)
                        .jsonPath("$.detail").isEqualTo("Your roles do not allow this request");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void letsTheRightRolesThrough(Route route) {
        for (String role : route.allowed()) {
            request(route).header(Credentials.HEADER, ROLE_KEYS.get(role)).exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void refusesWhatNoRoleMayDo() {
        client.delete().uri("/api/accounts/a1").header(Credentials.HEADER, Credentials.ALL_ROLES).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void leavesTheHealthCheckOpen() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    // the request's log line

    @Test
    void logsThePrincipalOfARequestItsRolesDoNotAllow(CapturedOutput output) {
        client.get().uri("/api/insights/portfolio").header(Credentials.HEADER, Credentials.STAFF)
                .header("X-Request-Id", "forbidden-line-1").exchange()
                .expectStatus().isForbidden();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "GET /api/insights/portfolio 403 \\d+ ms requestId=forbidden-line-1 user=staff"));
    }

    @Test
    void logsNoPrincipalForAnUnauthenticatedRequest(CapturedOutput output) {
        client.get().uri("/api/insights/portfolio").header(Credentials.HEADER, Credentials.REVOKED)
                .header("X-Request-Id", "unauthenticated-line-1").exchange()
                .expectStatus().isUnauthorized();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "GET /api/insights/portfolio 401 \\d+ ms requestId=unauthenticated-line-1 user=-"));
    }

    // API keys

    /** What a Prometheus scrape can send: Authorization with a type of its own. */
    @Test
    void acceptsAnApiKeyInTheAuthorizationHeader() {
        client.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "ApiKey " + Credentials.OPS).exchange()
                .expectStatus().isOk();
        client.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "ApiKey " + Credentials.REVOKED).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void refusesARevokedApiKey() {
        client.get().uri("/api/accounts/a1").header(Credentials.HEADER, Credentials.REVOKED).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The credentials sent were not accepted");
    }

    @Test
    void refusesAnUnknownApiKey() {
        client.get().uri("/api/accounts/a1").header(Credentials.HEADER, "guessed").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void tellsTheServicesWhoIsAskingAndNotWhoTheClientClaimsToBe() {
        client.post().uri("/api/outreach/accounts/a1/contacts")
                .header(Credentials.HEADER, Credentials.STAFF)
                .header("X-Rapport-User", "mallory")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk();

        StubService.Received received = outreach.lastRequest();
        assertThat(received.header("X-Rapport-User")).containsExactly("staff");
        assertThat(received.header(Credentials.HEADER)).isEmpty();
    }

    @Test
    void needsNoCsrfTokenFromAProgramWithAKey() {
        client.post().uri("/api/accounts").header(Credentials.HEADER, Credentials.STAFF)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk();
    }

    // JWTs

    @Test
    void acceptsATokenFromTheIssuerWithItsRoles() {
        client.post().uri("/api/outreach/accounts/a1/pitches")
                .headers(headers -> headers.setBearerAuth(issuer.token("sam", "STAFF")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk();

        StubService.Received received = outreach.lastRequest();
        assertThat(received.header("X-Rapport-User")).containsExactly("sam");
        assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEmpty();
    }

    @Test
    void refusesATokenWhoseRolesDoNotAllowTheRequest() {
        client.get().uri("/api/insights/portfolio")
                .headers(headers -> headers.setBearerAuth(issuer.token("crm", "INTEGRATION")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesAnExpiredToken() {
        expectRefusedToken(issuer.expiredToken("sam", "STAFF", "LEADER"));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        expectRefusedToken(issuer.tokenSignedByAnotherKey("sam", "STAFF", "LEADER"));
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        expectRefusedToken(issuer.tokenFromAnotherIssuer("sam", "STAFF", "LEADER"));
    }

    @Test
    void refusesATokenThatIsNotAJwt() {
        expectRefusedToken("not-a-jwt");
    }

    @Test
    void refusesATokenWithoutAnExpiry() {
        expectRefusedToken(issuer.tokenWithoutExpiry("sam", "STAFF", "LEADER"));
    }

    @Test
    void refusesATokenWithoutASubject() {
        expectRefusedToken(issuer.tokenWithoutSubject("STAFF", "LEADER"));
    }

    /** The subject is passed on in X-Rapport-User and written in the request's log line. */
    @ParameterizedTest
    @ValueSource(strings = {"sam\r\nX-Rapport-User: admin", "sam\nforged log line", "sam\u0000", "s\u00e4m", "sam smith", ""})
    void refusesATokenWhoseSubjectCannotBePassedOn(String subject) {
        expectRefusedToken(issuer.token(subject, "STAFF", "LEADER"));
    }

    // people: form login

    @Test
    void refusesALoginPostedWithoutTheCsrfToken() {
        client.post().uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "lena").with("password", PASSWORD))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void letsAPersonSignInWithTheFormAndUseTheSession() {
        EntityExchangeResult<Void> login = SignInForm.open(client).post(client, "lena", PASSWORD)
                .exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/")
                .expectBody().isEmpty();
        MultiValueMap<String, String> session = SignInForm.cookies(login.getResponseCookies());

        client.get().uri("/api/insights/portfolio").cookies(jar -> jar.addAll(session)).exchange()
                .expectStatus().isOk();
        assertThat(insights.lastRequest().header("X-Rapport-User")).containsExactly("lena");
        assertThat(insights.lastRequest().header(HttpHeaders.COOKIE)).isEmpty();
        // a write from the browser needs the CSRF token as well
        client.post().uri("/api/accounts").cookies(jar -> jar.addAll(session))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden();
    }

    /** Another site's page cannot post a form along with the session; Lax still lets a link in. */
    @Test
    void setsTheSessionCookieSameSiteLaxAndOutOfScriptsReach() {
        client.get().uri("/login").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie)
                        .startsWith("SESSION=").contains("; SameSite=Lax").containsIgnoringCase("; HttpOnly"));
    }

    @Test
    void refusesAWrongPassword() {
        signIn("lena", "guess").expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");
    }

    @Test
    void locksAUsernameAfterFiveFailedSignInsInARow() {
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn("max", "guess " + attempt).expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");
        }

        signIn("max", PASSWORD).expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");
        signIn("lena", PASSWORD).expectHeader().valueEquals(HttpHeaders.LOCATION, "/");
    }

    @Test
    void checksNoMorePasswordsThanAllowedWhenGuessesArriveAtOnce() throws Exception {
        List<SignInForm> forms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            forms.add(SignInForm.open(client));
        }
        ExecutorService guessers = Executors.newFixedThreadPool(forms.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> guesses = new ArrayList<>();
            for (int i = 0; i < forms.size(); i++) {
                SignInForm form = forms.get(i);
                String guess = "guess " + i;
                guesses.add(guessers.submit(() -> {
                    start.await();
                    return form.post(client, "nina", guess).exchange().returnResult(Void.class)
                            .getResponseHeaders().getFirst(HttpHeaders.LOCATION);
                }));
            }
            start.countDown();
            for (Future<String> guess : guesses) {
                assertThat(guess.get(30, TimeUnit.SECONDS)).isEqualTo("/login?error");
            }
        } finally {
            guessers.shutdownNow();
        }

        verify(passwords, times(5)).matches(any(), eq(NINA_HASH));
        signIn("nina", PASSWORD).expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");
        verify(passwords, times(5)).matches(any(), eq(NINA_HASH));
    }

    @Test
    void locksAUsernameHoweverItIsTyped() {
        signIn("olga", "guess 0").expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");
        signIn("OLGA", "guess 1").expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");
        for (int attempt = 2; attempt < 5; attempt++) {
            signIn("Olga", "guess " + attempt).expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");
        }

        signIn("OlGa", PASSWORD).expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");
        signIn(" olga", PASSWORD).expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");
    }

    @Test
    void signsInAsTheConfiguredNameHoweverItIsTyped() {
        signIn("LENA", PASSWORD).expectHeader().valueEquals(HttpHeaders.LOCATION, "/");
    }

    /** A refusal takes the same time for a name that is nobody's as for a user's, since it does the same work. */
    @Test
    void checksAPasswordOfTheUsersCostForANameThatIsNobodys() {
        clearInvocations(passwords);

        signIn("nobody", "guess").expectHeader().valueEquals(HttpHeaders.LOCATION, "/login?error");

        verify(passwords).matches(eq("guess"), startsWith(NINA_HASH.substring(0, "{bcrypt}$2a$10$".length())));
    }

    private WebTestClient.ResponseSpec signIn(String username, String password) {
        return SignInForm.open(client).post(client, username, password).exchange().expectStatus().isFound();
    }

    // headers

    @Test
    void sendsSecurityHeaders() {
        client.get().uri("/api/accounts/a1").header(Credentials.HEADER, Credentials.STAFF).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").contains("frame-ancestors 'none'"));
        client.get().uri("/login").exchange()
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists("Content-Security-Policy");
    }

    private WebTestClient.RequestBodySpec request(Route route) {
        WebTestClient.RequestBodySpec request = client.method(route.method()).uri(route.path());
        if (route.method() != HttpMethod.GET) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        return request;
    }

    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, HttpStatus status,
                                                              Route route, String requestId) {
        return response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.title").isEqualTo(status.getReasonPhrase())
                .jsonPath("$.instance").isEqualTo(route.path().replaceAll("\\?.*", ""))
                .jsonPath("$.requestId").isEqualTo(requestId);
    }

    private void expectRefusedToken(String token) {
        client.get().uri("/api/accounts/a1")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("The credentials sent were not accepted");
    }

}
