package com.rapport.gateway.security;

import org.jspecify.annotations.Nullable;

import java.util.regex.Pattern;

/**
 * What the name of a principal may hold, whoever vouches for it (a user, an API key, a token's
 * subject). The name is passed on to the services in X-Rapport-User and written in each
 * request's log line, so it is visible ASCII, what a header carries intact, and has no space,
 * which would blur where it ends in a log line; at most 255 characters, as OpenID Connect
 * bounds a subject. A name that breaks these rules is refused where it comes in, never passed on.
 */
final class PrincipalName {

    static final String PATTERN = "[!-~]{1,255}";
    static final String RULE = "must be 1 to 255 visible ASCII characters, without spaces";

    private static final Pattern PASSABLE = Pattern.compile(PATTERN);

    private PrincipalName() {
    }

    static boolean isPassable(@Nullable String name) {
        return name != null && PASSABLE.matcher(name).matches();
    }
}
