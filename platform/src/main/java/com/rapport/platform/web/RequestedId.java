package com.rapport.platform.web;

import com.rapport.platform.problem.InvalidField;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of a new thing: the one the client sent in the body, else one derived from its
 * {@code Idempotency-Key} header (so a retry names the same thing), else a fresh one.
 */
public final class RequestedId {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private RequestedId() {
    }

    /** @param scope what kind of thing is being made, so that one key cannot name two kinds */
    public static UUID resolve(UUID given, String idempotencyKey, String scope) {
        if (given != null) {
            return given;
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID();
        }
        if (idempotencyKey.length() > 200) {
            throw new InvalidField(IDEMPOTENCY_KEY, "Size", "must be at most 200 characters");
        }
        return UUID.nameUUIDFromBytes(("rapport." + scope + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }
}
