package com.rapport.gateway.ratelimit;

import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests each principal may send to each route.
 *
 * @param perSecond requests a second, over time
 * @param burst     requests at once, after a quiet spell
 * @param redisUrl  where the counts are kept when several gateways share them; in this
 *                  gateway's memory when empty
 */
@ConfigurationProperties("rapport.rate-limit")
@Validated
public record RateLimitProperties(@DefaultValue("50") @Positive int perSecond,
                                  @DefaultValue("100") @Positive int burst,
                                  @Nullable String redisUrl) {

    boolean inRedis() {
        return StringUtils.hasText(redisUrl);
    }
}
