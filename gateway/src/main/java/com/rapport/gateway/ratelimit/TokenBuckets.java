package com.rapport.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key, in this gateway's memory: a key may take {@code burst} tokens at once,
 * and they come back at {@code perSecond}. Many buckets at once (a flood of keys) are tidied:
 * those that have filled up again, idle for a while, are dropped, and a dropped bucket is the
 * same as a full one.
 */
public final class TokenBuckets {

    // past this many buckets, those already full again are dropped
    private static final int TIDY_ABOVE = 10_000;

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param nanoTime the clock the tokens come back by, as {@link System#nanoTime()}
     */
    public TokenBuckets(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes a token from the key's bucket: the tokens left, or -1 when there was none. */
    public long take(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        return buckets.computeIfAbsent(key, created -> new Bucket(now)).take(now);
    }

    private final class Bucket {

        private double tokens;
        private long updated;

        Bucket(long now) {
            tokens = burst;
            updated = now;
        }

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
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
        }
    }
}
