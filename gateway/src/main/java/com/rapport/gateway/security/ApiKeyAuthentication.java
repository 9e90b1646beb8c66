package com.rapport.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Programs that cannot do OAuth send a key in {@value #HEADER}, or as {@code Authorization:
 * ApiKey <key>} (what a Prometheus scrape can send). Only the keys' SHA-256 hashes are
 * configured; a key is accepted when its hash matches one that is not revoked.
 */
final class ApiKeyAuthentication implements ServerAuthenticationConverter, ReactiveAuthenticationManager {

    static final String HEADER = "X-Api-Key";
    private static final String SCHEME = "ApiKey ";

    private final List<SecurityProperties.ApiKey> keys;
    private final List<byte[]> hashes;

    ApiKeyAuthentication(List<SecurityProperties.ApiKey> keys) {
        this.keys = List.copyOf(keys);
        this.hashes = keys.stream().map(key -> HexFormat.of().parseHex(key.hash().toLowerCase())).toList();
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String key = presentedKey(exchange.getRequest().getHeaders());
        return key == null ? Mono.empty() : Mono.just(new Presented(key));
    }

    /** The key the request presents, or null. */
    static String presentedKey(HttpHeaders headers) {
        String key = headers.getFirst(HEADER);
        if (key != null) {
            return key;
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? authorization.substring(SCHEME.length()).strip()
                : null;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof Presented presented)) {
            return Mono.empty();
        }
        byte[] hash = sha256(presented.key);
        SecurityProperties.ApiKey match = null;
        // every hash is compared, in constant time, so the time taken says nothing about the keys
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(hash, hashes.get(i)) && match == null) {
                match = keys.get(i);
            }
        }
        if (match == null || match.revoked()) {
            return Mono.error(new BadCredentialsException("unknown or revoked API key"));
        }
        return Mono.just(new Accepted(match));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A key as the client sent it, not yet checked. */
    private static final class Presented extends AbstractAuthenticationToken {

        private final String key;

        Presented(String key) {
            super(List.of());
            this.key = key;
        }

        @Override
        public Object getCredentials() {
            return key;
        }

        @Override
        public Object getPrincipal() {
            return "";
        }
    }

    /** A key that matched: its name is the principal, its roles the authorities. */
    static final class Accepted extends AbstractAuthenticationToken {

        private final String name;

        Accepted(SecurityProperties.ApiKey key) {
            super(key.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
            this.name = key.name();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return name;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
