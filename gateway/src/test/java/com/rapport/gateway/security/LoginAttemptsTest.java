package com.rapport.gateway.security;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginAttemptsTest {

    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker clock = nanos::get;
    // one password, "right", for everyone
    private final ReactiveAuthenticationManager passwords = attempt -> "right".equals(attempt.getCredentials())
            ? Mono.just(UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, List.of()))
            : Mono.error(new BadCredentialsException("bad credentials"));
    private final LoginAttempts attempts = new LoginAttempts(passwords, 3, LOCKOUT, clock);

    @Test
    void fewerFailuresThanAllowedLeaveTheDoorOpen() {
        fail("ana", 2);

        signsIn("ana", "right");
    }

    @Test
    void locksAfterTheAllowedFailuresEvenForTheRightPassword() {
        fail("ana", 3);

        isLocked("ana");
    }

    @Test
    void opensAgainOnceTheLockoutHasPassedSinceTheLastFailure() {
        fail("ana", 3);
        pass(LOCKOUT.minusSeconds(1));
        isLocked("ana");

        pass(Duration.ofSeconds(2));

        signsIn("ana", "right");
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        fail("ana", 2);
        signsIn("ana", "right");

        fail("ana", 2);

        signsIn("ana", "right");
    }

    @Test
    void oneUsernamesFailuresDoNotLockAnother() {
        fail("ana", 3);

        signsIn("bo", "right");
    }

    private void fail(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> attempts.authenticate(attempt(username, "wrong")).block())
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    private void signsIn(String username, String password) {
        assertThat(attempts.authenticate(attempt(username, password)).block()).matches(Authentication::isAuthenticated);
    }

    private void isLocked(String username) {
        assertThatThrownBy(() -> attempts.authenticate(attempt(username, "right")).block()).isInstanceOf(LockedException.class);
    }

    private void pass(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Authentication attempt(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }
}
