package com.rapport.platform.problem;

/**
 * A command that a rule refused. Aggregates throw these; the web layer turns each into a
 * problem body with the matching 4xx status. Nothing was appended.
 */
public abstract sealed class CommandRefused extends RuntimeException permits Conflict, InvalidField, NotFound {

    protected CommandRefused(String message) {
        super(message, null, false, false);
    }
}
