package com.rapport.gateway.requestid;

import org.jspecify.annotations.Nullable;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties the gateway's log line to the service's log lines and to the caller's report. */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";

    // a client-chosen id ends up in every service's logs: keep it short and printable
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestId() {
    }

    /** The caller's id when it is acceptable, otherwise a fresh one. */
    public static String acceptOrCreate(@Nullable String offered) {
        if (offered != null && ACCEPTABLE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }
}
