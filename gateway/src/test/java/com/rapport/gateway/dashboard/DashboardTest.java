package com.rapport.gateway.dashboard;

import com.rapport.gateway.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard the gateway serves: to a LEADER only, with the headers that keep a page safe. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@DirtiesContext
class DashboardTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=", Pattern.CASE_INSENSITIVE);

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        Credentials.register(registry);
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
    void sendsABrowserWithoutASessionToTheLoginPage() {
        client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/login");
    }

    @Test
    void refusesAProgramWithoutCredentialsWithAProblem() {
        client.get().uri("/").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {Credentials.STAFF, Credentials.INTEGRATION, Credentials.OPS})
    void refusesThePageToEveryoneButALeader(String key) {
        client.get().uri("/").accept(MediaType.TEXT_HTML).header(Credentials.HEADER, key).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void servesTheDashboardToALeaderWithTheHeadersThatKeepItSafe() {
        String page = client.get().uri("/").accept(MediaType.TEXT_HTML).header(Credentials.HEADER, Credentials.LEADER)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'"))
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("src=\"/app.js\"", "href=\"/app.css\"");
        assertThat(INLINE_SCRIPT.matcher(page).find()).as("an inline script, which the CSP blocks").isFalse();
        assertThat(INLINE_STYLE.matcher(page).find()).as("an inline style, which the CSP blocks").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app.js", "/js/views/overview.js", "/js/live.js"})
    void servesTheScriptsAsJavaScript(String path) {
        client.get().uri(path).header(Credentials.HEADER, Credentials.LEADER).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("javascript"));
    }

    @Test
    void servesTheStylesAndTheChartLibraryWithoutNamingItsVersion() {
        client.get().uri("/app.css").header(Credentials.HEADER, Credentials.LEADER).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
        client.get().uri("/webjars/chart.js/dist/chart.umd.min.js").header(Credentials.HEADER, Credentials.LEADER).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("Chart"));
    }

    @Test
    void servesTheAssetsOnlyToAPrincipal() {
        client.get().uri("/app.js").exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/webjars/chart.js/dist/chart.umd.min.js").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void servesAStyledLoginPageThatTheContentSecurityPolicyAllows() {
        String page = client.get().uri("/login").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("href=\"/login.css\"", "action=\"/login\"", "name=\"username\"", "name=\"password\"")
                .containsPattern("type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"")
                .doesNotContain("did not match");
        assertThat(INLINE_SCRIPT.matcher(page).find()).isFalse();
        assertThat(INLINE_STYLE.matcher(page).find()).isFalse();
        client.get().uri("/login.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void saysWhenASignInFailed() {
        client.get().uri("/login?error").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("did not match"));
    }

    @Test
    void tellsThePageWhoIsSignedInAndTheTokenItsLogoutNeeds() {
        client.get().uri("/signed-in").header(Credentials.HEADER, Credentials.LEADER).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("a-leader")
                .jsonPath("$.roles[0]").isEqualTo("LEADER")
                .jsonPath("$.csrf.parameterName").isEqualTo("_csrf")
                .jsonPath("$.csrf.token").isNotEmpty();
        client.get().uri("/signed-in").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized();
    }
}
