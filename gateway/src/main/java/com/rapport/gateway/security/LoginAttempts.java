package com.rapport.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Sign-in with a password, refused for a while after too many failures in a row for one user,
 * right password or not: guessing a password at form speed becomes hopeless. A success clears
 * the count.
 *
 * <p>An attempt is counted before its password is checked, so however many guesses arrive at
 * once, at most the allowed number of them is checked. Users are known by their
 * {@link SignInName}, so a lock holds for every way of typing the name.
 *
 * <p>Only the users' failures are counted: a name that is nobody's cannot sign in whatever its
 * password, so there is nothing to lock, and however many invented names arrive, the counts stay
 * one per user and none is ever pushed out. Every refusal costs the same work, one password
 * check ({@link DecoyHash} where there is no user's hash to check), so the time an answer takes
 * tells neither whether a name exists nor whether it is locked.
 */
final class LoginAttempts implements ReactiveAuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final ReactiveAuthenticationManager passwords;
    private final Map<String, Failures> failures;
    private final PasswordEncoder encoder;
    private final String decoy;
    private final int allowedFailures;
    private final long lockoutNanos;
    private final LongSupplier nanoTime;

    /**
     * @param users    the people who may sign in, no two with the same {@link SignInName}
     * @param nanoTime the clock the lockout runs on, as {@link System#nanoTime()}
     */
    LoginAttempts(List<SecurityProperties.User> users, PasswordEncoder encoder, SecurityProperties.Login settings,
                  LongSupplier nanoTime) {
        Map<String, UserDetails> byName = users.stream().collect(Collectors.toUnmodifiableMap(
                user -> SignInName.of(user.username()), LoginAttempts::details));
        UserDetailsRepositoryReactiveAuthenticationManager check = new UserDetailsRepositoryReactiveAuthenticationManager(
                typed -> Mono.justOrEmpty(byName.get(SignInName.of(typed))));
        check.setPasswordEncoder(encoder);
        this.passwords = check;
        this.failures = byName.keySet().stream().collect(Collectors.toUnmodifiableMap(Function.identity(), name -> new Failures()));
        this.encoder = encoder;
        this.decoy = DecoyHash.like(users.stream().map(SecurityProperties.User::passwordHash).toList(), encoder);
        this.allowedFailures = settings.allowedFailures();
        this.lockoutNanos = settings.lockout().toNanos();
        this.nanoTime = nanoTime;
    }

    private static UserDetails details(SecurityProperties.User user) {
        // the name as configured is the principal, however it was typed
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                .build();
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        return Mono.defer(() -> {
            String name = SignInName.of(attempt.getName());
            String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
            Failures user = failures.get(name);
            if (user == null) {
                return refuse(password, new BadCredentialsException("no such user"));
            }
            int failure = user.count(nanoTime.getAsLong());
            if (failure == 0) {
                log.warn("Sign-in refused for {}: locked after {} failures in a row", name, allowedFailures);
                return refuse(password, new LockedException("too many failed sign-ins; try again later"));
            }
            return passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password))
                    .doOnNext(signedIn -> user.clear())
                    .doOnError(AuthenticationException.class, refused -> {
                        if (failure == allowedFailures) {
                            log.warn("Sign-in locked for {} after {} failures in a row", name, failure);
                        }
                    });
        });
    }

    /** Refuses after the work a check of a user's password takes. */
    private Mono<Authentication> refuse(String password, AuthenticationException refusal) {
        // the refusal stands whatever the outcome: nobody knows the decoy's secret
        return Mono.fromCallable(() -> encoder.matches(password, decoy))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.error(refusal));
    }

    /** One user's failed sign-ins in a row; an attempt counts as failed from the moment it starts. */
    private final class Failures {

        private int count;
        private long last;

        /** Counts an attempt: which failure in a row it would be, or 0 when the user is locked. */
        synchronized int count(long now) {
            if (count > 0 && now - last >= lockoutNanos) {
                // the lockout period has passed since the last failure: the row is over
                count = 0;
            }
            if (count >= allowedFailures) {
                // refused without counting: the lock lasts from the failure that set it
                return 0;
            }
            count++;
            last = now;
            return count;
        }

        synchronized void clear() {
            count = 0;
        }
    }
}
