package com.rapport.gateway.dashboard;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sign-in form, in the dashboard's look. Spring Security's generated page styles itself
 * inline, which the gateway's Content-Security-Policy blocks; this one links its stylesheet.
 * The form posts to Spring Security's /login with the session's CSRF token.
 */
@Controller
class LoginPage {

    private static final String FAILED = "<p class=\"message error\" role=\"alert\">That username and password did not match.</p>";
    // where security.SignInRateLimit sends a browser past its sign-ins per address (?throttled)
    private static final String THROTTLED = "<p class=\"message error\" role=\"alert\">Too many sign-in attempts from your address. Wait a minute, then try again.</p>";
    private static final String SIGNED_OUT = "<p class=\"message notice\" role=\"status\">You have signed out.</p>";

    private final String template;

    LoginPage() {
        try {
            template = new ClassPathResource("dashboard/login.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the login page is missing from the gateway's jar", e);
        }
    }

    @GetMapping("/login")
    Mono<ResponseEntity<String>> page(ServerWebExchange exchange) {
        var query = exchange.getRequest().getQueryParams();
        String message = query.containsKey("error") ? FAILED
                : query.containsKey("throttled") ? THROTTLED
                : query.containsKey("logout") ? SIGNED_OUT : "";
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return csrf.map(token -> ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(template
                        .replace("{{message}}", message)
                        .replace("{{csrfParameter}}", HtmlUtils.htmlEscape(token.getParameterName()))
                        .replace("{{csrfToken}}", HtmlUtils.htmlEscape(token.getToken()))));
    }
}
