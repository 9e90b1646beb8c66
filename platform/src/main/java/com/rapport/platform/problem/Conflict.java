package com.rapport.platform.problem;

/**
 * The request is well formed but contradicts what already happened (409). A service may name a
 * kind of conflict it treats apart (outreach asks again when an account's standing may be stale).
 */
public non-sealed class Conflict extends CommandRefused {

    public Conflict(String message) {
        super(message);
    }
}
