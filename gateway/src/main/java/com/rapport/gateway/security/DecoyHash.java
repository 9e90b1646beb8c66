package com.rapport.gateway.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hash that a sign-in is checked against when it cannot be checked against a user's: the
 * name is nobody's, or the user is locked. Checking it costs what checking a user's password
 * costs, so the time a refusal takes does not tell who exists or who is locked. It is the hash of
 * a random secret nobody knows, made with the bcrypt cost most users' hashes have (bcrypt keeps
 * its cost in the hash); with no bcrypt hash among them, with the encoder's own default.
 */
final class DecoyHash {

    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[abxy]?\\$(\\d{2})\\$.*");
    private static final SecureRandom random = new SecureRandom();

    private DecoyHash() {
    }

    static String like(Collection<String> hashes, PasswordEncoder encoder) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String password = Base64.getEncoder().encodeToString(secret);
        return hashes.stream()
                .map(BCRYPT::matcher)
                .filter(Matcher::matches)
                .collect(Collectors.groupingBy(bcrypt -> Integer.parseInt(bcrypt.group(1)), Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .map(cost -> "{bcrypt}" + new BCryptPasswordEncoder(cost).encode(password))
                .orElseGet(() -> encoder.encode(password));
    }
}
