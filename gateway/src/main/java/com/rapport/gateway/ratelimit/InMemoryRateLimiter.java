package com.rapport.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per principal and route, in this gateway's memory: the default for a single
 * gateway. It answers the same headers as Spring Cloud Gateway's Redis limiter, which takes its
 * place when several gateways must share the counts.
 */
final class InMemoryRateLimiter implements RateLimiter<RateLimitProperties> {

    private final RateLimitProperties limits;
    private final TokenBuckets buckets;

    InMemoryRateLimiter(RateLimitProperties limits) {
        this(limits, System::nanoTime);
    }

    InMemoryRateLimiter(RateLimitProperties limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.buckets = new TokenBuckets(limits.perSecond(), limits.burst(), nanoTime);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        long remaining = buckets.take(routeId + "." + id);
        return Mono.just(new Response(remaining >= 0, Map.of(
                "X-RateLimit-Remaining", String.valueOf(Math.max(remaining, 0)),
                "X-RateLimit-Replenish-Rate", String.valueOf(limits.perSecond()),
                "X-RateLimit-Burst-Capacity", String.valueOf(limits.burst()),
                "X-RateLimit-Requested-Tokens", "1")));
    }

    @Override
    public Map<String, RateLimitProperties> getConfig() {
        // one limit for every route
        return Map.of();
    }

    @Override
    public Class<RateLimitProperties> getConfigClass() {
        return RateLimitProperties.class;
    }

    @Override
    public RateLimitProperties newConfig() {
        return limits;
    }
}
