package com.rapport.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(new RateLimitProperties(2, 4, null), now::get);

    @Test
    void letsABurstThroughThenRefuses() {
        for (int i = 0; i < 4; i++) {
            assertThat(allowed("accounts", "sam")).isTrue();
        }
        assertThat(allowed("accounts", "sam")).isFalse();
    }

    @Test
    void refillsAtTheRatePerSecond() {
        for (int i = 0; i < 4; i++) {
            allowed("accounts", "sam");
        }
        now.addAndGet(500_000_000L);

        assertThat(allowed("accounts", "sam")).isTrue();
        assertThat(allowed("accounts", "sam")).isFalse();
    }

    @Test
    void countsEachPrincipalAndRouteApart() {
        for (int i = 0; i < 4; i++) {
            allowed("accounts", "sam");
        }

        assertThat(allowed("accounts", "lena")).isTrue();
        assertThat(allowed("outreach", "sam")).isTrue();
    }

    @Test
    void saysHowManyRequestsAreLeft() {
        assertThat(limiter.isAllowed("accounts", "sam").block().getHeaders())
                .containsEntry("X-RateLimit-Remaining", "3")
                .containsEntry("X-RateLimit-Burst-Capacity", "4")
                .containsEntry("X-RateLimit-Replenish-Rate", "2");
    }

    private boolean allowed(String route, String principal) {
        return limiter.isAllowed(route, principal).block().isAllowed();
    }
}
