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

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard the gateway serves: to a LEADER only, with the headers that keep a page safe. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@DirtiesContext
class DashboardTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile("\\bfrom\\s+'(\\.{1,2}/[^']+)'");

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

    /** The page is modules without a build step: one that is not where an import says it is stops the whole page. */
    @Test
    void servesEveryModuleThePageImportsAsJavaScript() {
        Deque<String> toServe = new ArrayDeque<>(List.of("/app.js"));
        Set<String> served = new LinkedHashSet<>();
        while (!toServe.isEmpty()) {
            String path = toServe.pop();
            if (!served.add(path)) {
                continue;
            }
            String module = client.get().uri(path).header(Credentials.HEADER, Credentials.LEADER).exchange()
                    .expectStatus().isOk()
                    .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).as(path).contains("javascript"))
                    .expectBody(String.class).returnResult().getResponseBody();
            Matcher imports = IMPORT.matcher(module);
            while (imports.find()) {
                toServe.add(URI.create(path).resolve(imports.group(1)).getPath());
            }
        }
        assertThat(served).contains("/js/live.js", "/js/touches.js", "/js/page.js", "/js/views/overview.js",
                "/js/views/account.js", "/js/views/calls.js", "/js/views/losses.js", "/js/views/coverage.js");
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
