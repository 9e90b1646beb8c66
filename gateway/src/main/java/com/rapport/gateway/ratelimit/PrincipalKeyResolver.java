package com.rapport.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.Principal;

/**
 * Counts requests by who sent them: the user, the API key's name or the token's subject, the
 * same id the services receive in X-Rapport-User. Every /api request has a principal; without
 * one the rate limiter refuses the request.
 */
final class PrincipalKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(Principal::getName);
    }
}
