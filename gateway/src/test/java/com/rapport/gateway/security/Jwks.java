package com.rapport.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** An issuer of tokens for the tests: an RSA key, its JWK set served on a loopback port. */
final class Jwks implements AutoCloseable {

    static final String ISSUER = "https://issuer.rapport.test";

    private final RSAKey key;
    private final HttpServer server;

    private Jwks() {
        key = generate();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            }
        });
        server.start();
    }

    static Jwks start() {
        return new Jwks();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A token for the subject with the roles, valid for an hour. */
    String token(String subject, String... roles) {
        return sign(key, claims(subject, ISSUER, Instant.now().plus(Duration.ofHours(1)), roles));
    }

    String expiredToken(String subject, String... roles) {
        return sign(key, claims(subject, ISSUER, Instant.now().minus(Duration.ofHours(1)), roles));
    }

    /** A token with no {@code exp}: it would be good forever. */
    String tokenWithoutExpiry(String subject, String... roles) {
        return sign(key, claims(subject, ISSUER, null, roles));
    }

    String tokenWithoutSubject(String... roles) {
        return sign(key, claims(null, ISSUER, Instant.now().plus(Duration.ofHours(1)), roles));
    }

    String tokenFromAnotherIssuer(String subject, String... roles) {
        return sign(key, claims(subject, "https://elsewhere.test", Instant.now().plus(Duration.ofHours(1)), roles));
    }

    /** Signed by a key that is not in the JWK set, under the same key id. */
    String tokenSignedByAnotherKey(String subject, String... roles) {
        return sign(generate(), claims(subject, ISSUER, Instant.now().plus(Duration.ofHours(1)), roles));
    }

    private static JWTClaimsSet claims(String subject, String issuer, Instant expires, String... roles) {
        Instant issued = expires == null ? Instant.now().minus(Duration.ofMinutes(1)) : expires.minus(Duration.ofHours(2));
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(issued))
                .expirationTime(expires == null ? null : Date.from(expires))
                .claim("roles", List.of(roles))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("rapport-test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
