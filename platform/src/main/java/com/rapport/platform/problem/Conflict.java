package com.rapport.platform.problem;

/** The request is well formed but contradicts what already happened (409). */
public final class Conflict extends CommandRefused {

    public Conflict(String message) {
        super(message);
    }
}
