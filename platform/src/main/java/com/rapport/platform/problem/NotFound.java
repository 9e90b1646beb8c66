package com.rapport.platform.problem;

/** The request names something that does not exist (404). */
public final class NotFound extends CommandRefused {

    public NotFound(String message) {
        super(message);
    }
}
