package com.rapport.gateway.requestid;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Notes the principal of each request in its {@link RequestPrincipal}. The request's log line is
 * written around the whole web handler, which never sees the exchange Spring Security
 * authenticates, hence this filter right after Spring Security's. A request Spring Security
 * refuses never gets here and is logged without a principal.
 */
final class RequestPrincipalFilter implements WebFilter, Ordered {

    // Spring Security's WebFilterChainProxy runs at -100
    private static final int AFTER_SPRING_SECURITY = -99;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.deferContextual(context -> context.getOrEmpty(RequestPrincipal.class)
                .map(RequestPrincipal.class::cast)
                .map(requester -> exchange.getPrincipal()
                        .doOnNext(principal -> requester.name(principal.getName()))
                        .then(chain.filter(exchange)))
                .orElseGet(() -> chain.filter(exchange)));
    }

    @Override
    public int getOrder() {
        return AFTER_SPRING_SECURITY;
    }
}
