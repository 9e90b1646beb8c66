package com.rapport.gateway.requestid;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Notes the principal of each request in its {@link RequestPrincipal}. The request's log line is
 * written around the whole web handler, which never sees the exchange Spring Security
 * authenticates, hence this filter inside Spring Security's chain, between authentication and
 * authorization ({@link RequestIdConfiguration}). A request refused before it is authenticated
 * (a 401, a missing CSRF token) is logged without a principal.
 */
final class RequestPrincipalFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.deferContextual(context -> context.getOrEmpty(RequestPrincipal.class)
                .map(RequestPrincipal.class::cast)
                .map(requester -> exchange.getPrincipal()
                        .doOnNext(principal -> requester.name(principal.getName()))
                        .then(chain.filter(exchange)))
                .orElseGet(() -> chain.filter(exchange)));
    }
}
