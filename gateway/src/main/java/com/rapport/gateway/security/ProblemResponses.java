package com.rapport.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refusals as problem bodies: they are raised as errors, so the gateway's problem handler
 * answers them like every other error, with the instance and the request id.
 */
final class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refused) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rapport\"");
        String detail = refused instanceof AuthenticationCredentialsNotFoundException
                ? "Sign in, or send a bearer token or an API key (" + ApiKeyAuthentication.HEADER + ")"
                : "The credentials sent were not accepted";
        return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, detail));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "Your roles do not allow this request"));
    }
}
