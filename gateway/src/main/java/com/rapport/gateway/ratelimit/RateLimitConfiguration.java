package com.rapport.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The limiter and key behind the RequestRateLimiter filter every route carries
 * (application.yml): counts per principal, in Redis when RAPPORT_REDIS_URL is set so that
 * several gateways share them, in memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    @Primary
    RateLimiter<?> principalRateLimiter(RateLimitProperties limits) {
        if (limits.inRedis()) {
            // finds the Redis template and Spring Cloud Gateway's script in the context; if Redis
            // cannot be reached it lets requests through and logs the error
            return new RedisRateLimiter(limits.perSecond(), limits.burst());
        }
        return new InMemoryRateLimiter(limits);
    }

    @Bean
    KeyResolver principalKeyResolver() {
        return new PrincipalKeyResolver();
    }
}
