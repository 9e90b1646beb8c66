package com.rapport.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Sign-in with a password, refused for a while after too many failures in a row for one
 * username, right password or not: guessing a password at form speed becomes hopeless. A
 * success clears the count. The counts live in memory, bounded in number and in time, so a
 * flood of invented usernames cannot exhaust the gateway.
 */
final class LoginAttempts implements ReactiveAuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);
    private static final int MOST_USERNAMES_TRACKED = 10_000;

    private final ReactiveAuthenticationManager passwords;
    private final int allowedFailures;
    private final Cache<String, Integer> failures;

    LoginAttempts(ReactiveAuthenticationManager passwords, int allowedFailures, Duration lockout, Ticker ticker) {
        this.passwords = passwords;
        this.allowedFailures = allowedFailures;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(lockout)
                .maximumSize(MOST_USERNAMES_TRACKED)
                .ticker(ticker)
                .build();
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        String username = attempt.getName();
        Integer count = failures.getIfPresent(username);
        if (count != null && count >= allowedFailures) {
            log.warn("Sign-in refused for {}: locked after {} failures in a row", username, count);
            return Mono.error(new LockedException("too many failed sign-ins; try again later"));
        }
        return passwords.authenticate(attempt)
                .doOnNext(signedIn -> failures.invalidate(username))
                .doOnError(AuthenticationException.class, failed -> {
                    // a new failure restarts the lockout period: the count is written again
                    int now = failures.asMap().merge(username, 1, Integer::sum);
                    if (now == allowedFailures) {
                        log.warn("Sign-in locked for {} after {} failures in a row", username, now);
                    }
                });
    }
}
