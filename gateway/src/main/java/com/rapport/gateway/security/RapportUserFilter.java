package com.rapport.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.Principal;

/**
 * Tells the services who is asking, in {@value #HEADER}. Whatever the client put there is
 * dropped first, and so are its credentials: the services trust the gateway, not the caller.
 */
@Component
public class RapportUserFilter implements GlobalFilter, Ordered {

    public static final String HEADER = "X-Rapport-User";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty("")
                .flatMap(user -> chain.filter(exchange.mutate().request(request -> passOn(request, user)).build()));
    }

    private static void passOn(ServerHttpRequest.Builder request, String user) {
        request.headers(headers -> {
            headers.remove(HEADER);
            headers.remove(ApiKeyAuthentication.HEADER);
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.remove(HttpHeaders.COOKIE);
            if (!user.isEmpty()) {
                headers.set(HEADER, user);
            }
        });
    }

    @Override
    public int getOrder() {
        // before any route filter and before the request is sent on
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
