package com.rapport.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per principal and route, in this gateway's memory: the default for a single
 * gateway. It answers the same headers as Spring Cloud Gateway's Redis limiter, which takes its
 * place when several gateways must share the counts.
 */
final class InMemoryRateLimiter implements RateLimiter<RateLimitProperties> {

    // past this many buckets, those already full again (idle for a while) are dropped
    private static final int TIDY_ABOVE = 10_000;

    private final RateLimitProperties limits;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    InMemoryRateLimiter(RateLimitProperties limits) {
        this(limits, System::nanoTime);
    }

    InMemoryRateLimiter(RateLimitProperties limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        Bucket bucket = buckets.computeIfAbsent(routeId + "." + id, key -> new Bucket(now));
        long remaining = bucket.take(now);
        return Mono.just(new Response(remaining >= 0, Map.of(
                "X-RateLimit-Remaining", String.valueOf(Math.max(remaining, 0)),
                "X-RateLimit-Replenish-Rate", String.valueOf(limits.perSecond()),
                "X-RateLimit-Burst-Capacity", String.valueOf(limits.burst()),
                "X-RateLimit-Requested-Tokens", "1")));
    }

    private final class Bucket {

        private double tokens;
        private long updated;

        Bucket(long now) {
            tokens = limits.burst();
            updated = now;
        }

        /** Takes a token: the tokens left, or -1 when there was none. */
        synchronized long take(long now) {
            refill(now);
            if (tokens < 1) {
                return -1;
            }
            tokens -= 1;
            return (long) tokens;
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= limits.burst();
        }

        private void refill(long now) {
            tokens = Math.min(limits.burst(), tokens + (now - updated) / 1e9 * limits.perSecond());
            updated = now;
        }
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
