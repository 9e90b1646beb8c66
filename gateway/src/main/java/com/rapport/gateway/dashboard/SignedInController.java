package com.rapport.gateway.dashboard;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Who the dashboard is showing, for its header, and the CSRF token its logout form must send:
 * the token lives in the session, where the page's scripts cannot read it otherwise.
 */
@RestController
class SignedInController {

    private static final String ROLE_PREFIX = "ROLE_";

    record SignedIn(String username, List<String> roles, Csrf csrf) {
    }

    record Csrf(String headerName, String parameterName, String token) {
    }

    @GetMapping("/signed-in")
    Mono<SignedIn> signedIn(Authentication principal, ServerWebExchange exchange) {
        List<String> roles = principal.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .sorted()
                .toList();
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return csrf
                .map(token -> new SignedIn(principal.getName(), roles,
                        new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken())))
                .defaultIfEmpty(new SignedIn(principal.getName(), roles, null));
    }
}
