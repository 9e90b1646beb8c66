package com.rapport.gateway.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginAttemptsTest {

    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final int ALLOWED_FAILURES = 3;

    private final AtomicLong nanos = new AtomicLong();
    private final CountingEncoder encoder = new CountingEncoder();
    // the password is "right" for everyone
    private final LoginAttempts attempts = new LoginAttempts(List.of(user("ana"), user("bo")), encoder,
            new SecurityProperties.Login(ALLOWED_FAILURES, LOCKOUT, 10, 20), nanos::get);
    private final ExecutorService guessers = Executors.newFixedThreadPool(20);

    @AfterEach
    void stopGuessers() throws InterruptedException {
        guessers.shutdownNow();
        assertThat(guessers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

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
    void attemptsWhileLockedDoNotProlongTheLock() {
        fail("ana", 3);
        pass(LOCKOUT.minusMinutes(1));
        isLocked("ana");

        pass(Duration.ofMinutes(1));

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

    @Test
    void parallelGuessesCheckNoMorePasswordsThanAllowed() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Throwable>> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String guess = "guess " + i;
            guesses.add(guessers.submit(() -> {
                start.await();
                return refusal("ana", guess);
            }));
        }

        start.countDown();

        for (Future<Throwable> guess : guesses) {
            assertThat(guess.get(10, TimeUnit.SECONDS)).isInstanceOf(AuthenticationException.class);
        }
        assertThat(encoder.checksOf("ana")).isEqualTo(ALLOWED_FAILURES);
        isLocked("ana");
        assertThat(encoder.checksOf("ana")).isEqualTo(ALLOWED_FAILURES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ANA", "AnA", " ana ", "ａｎａ"})
    void aLockHoldsForEveryWayOfTypingTheName(String typed) {
        fail("ana", 3);

        isLocked(typed);
    }

    @Test
    void countsTheFailuresOfEveryWayOfTypingTheNameTogether() {
        fail("Ana", 1);
        fail("ANA", 1);
        fail("ana", 1);

        isLocked("ana");
    }

    @Test
    void signsInAsTheUserNamedInTheConfigurationHoweverTyped() {
        assertThat(attempts.authenticate(attempt("ANA", "right")).block().getName()).isEqualTo("ana");
    }

    @Test
    void aFloodOfInventedNamesLeavesALockInPlace() {
        fail("ana", 3);

        for (int i = 0; i < 20_000; i++) {
            assertThat(refusal("nobody-" + i, "guess")).isInstanceOf(BadCredentialsException.class);
        }

        isLocked("ana");
    }

    @Test
    void aNameThatIsNobodysCostsOnePasswordCheckAsAUsersDoes() {
        fail("ana", 1);
        assertThat(encoder.checks()).isEqualTo(1);

        assertThat(refusal("nobody", "guess")).isInstanceOf(BadCredentialsException.class);

        assertThat(encoder.checks()).isEqualTo(2);
        assertThat(encoder.checksOf("nobody")).isZero();
    }

    @Test
    void aLockedUserCostsOnePasswordCheckButNotOfTheirPassword() {
        fail("ana", 3);

        isLocked("ana");

        assertThat(encoder.checks()).isEqualTo(4);
        assertThat(encoder.checksOf("ana")).isEqualTo(3);
    }

    @Test
    void refusesASignInWithoutAPassword() {
        assertThat(refusal("ana", null)).isInstanceOf(BadCredentialsException.class);
    }

    private void fail(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(refusal(username, "wrong")).isInstanceOf(BadCredentialsException.class);
        }
    }

    private void signsIn(String username, String password) {
        assertThat(attempts.authenticate(attempt(username, password)).block()).matches(Authentication::isAuthenticated);
    }

    private void isLocked(String username) {
        assertThat(refusal(username, "right")).isInstanceOf(LockedException.class);
    }

    private Throwable refusal(String username, String password) {
        try {
            attempts.authenticate(attempt(username, password)).block();
        } catch (AuthenticationException refused) {
            return refused;
        }
        throw new AssertionError(username + " signed in");
    }

    private void pass(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Authentication attempt(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    private static SecurityProperties.User user(String username) {
        return new SecurityProperties.User(username, CountingEncoder.hash(username, "right"), EnumSet.of(Role.STAFF));
    }

    /** Hashes are "{salt}password" in the clear; every check is counted, by the salt of the hash it was against. */
    private static final class CountingEncoder implements PasswordEncoder {

        private final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
        private final AtomicInteger made = new AtomicInteger();

        static String hash(String salt, CharSequence password) {
            return "{" + salt + "}" + password;
        }

        @Override
        public String encode(CharSequence password) {
            return hash("made-" + made.incrementAndGet(), password);
        }

        @Override
        public boolean matches(CharSequence password, String hash) {
            String salt = hash.substring(1, hash.indexOf('}'));
            checks.computeIfAbsent(salt, counted -> new AtomicInteger()).incrementAndGet();
            return hash.equals(hash(salt, password));
        }

        int checksOf(String salt) {
            AtomicInteger count = checks.get(salt);
            return count == null ? 0 : count.get();
        }

        int checks() {
            return checks.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }
}
