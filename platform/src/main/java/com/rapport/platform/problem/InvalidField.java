package com.rapport.platform.problem;

/** One field of the request breaks a rule that needs the account's history to check (400). */
public final class InvalidField extends CommandRefused {

    private final String field;
    private final String rule;

    public InvalidField(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
