package com.rapport.gateway.requestid;

/**
 * Who sent one request, for its log line: {@link RequestIdHttpHandler} puts an empty one in the
 * request's Reactor context and {@link RequestPrincipalFilter} fills it in once Spring Security
 * has authenticated the request.
 */
final class RequestPrincipal {

    private volatile String name;

    void name(String principal) {
        name = principal;
    }

    /** The principal's name, or "-" for none. */
    String name() {
        return name == null ? "-" : name;
    }
}
