package com.rapport.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** API keys the gateway tests configure, one per role and one holding every role. */
public final class Credentials {

    public static final String HEADER = "X-Api-Key";

    public static final String ALL_ROLES = "key-of-everything";
    public static final String LEADER = "key-of-a-leader";
    public static final String STAFF = "key-of-staff";
    public static final String INTEGRATION = "key-of-an-integration";
    public static final String OPS = "key-of-ops";
    public static final String REVOKED = "key-that-was-revoked";

    private Credentials() {
    }

    /** Configures the keys, and a users file of the test's own, so nothing is written in the module. */
    public static void register(DynamicPropertyRegistry registry) {
        key(registry, 0, "everything", ALL_ROLES, "LEADER,STAFF,INTEGRATION,OPS", false);
        key(registry, 1, "a-leader", LEADER, "LEADER", false);
        key(registry, 2, "staff", STAFF, "STAFF", false);
        key(registry, 3, "an-integration", INTEGRATION, "INTEGRATION", false);
        key(registry, 4, "ops", OPS, "OPS", false);
        key(registry, 5, "revoked", REVOKED, "LEADER,STAFF,INTEGRATION,OPS", true);
        try {
            String home = Files.createTempDirectory("rapport-gateway-test").toString();
            registry.add("rapport.security.users-file", () -> home + "/gateway-users");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void key(DynamicPropertyRegistry registry, int index, String name, String key, String roles,
                            boolean revoked) {
        String prefix = "rapport.security.api-keys[" + index + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "hash", () -> sha256Hex(key));
        registry.add(prefix + "roles", () -> roles);
        registry.add(prefix + "revoked", () -> revoked);
    }
}
