package com.rapport.platform.web;

/**
 * A value that breaks one of the rules every request is read by (text that can be stored, a time
 * within the permitted years). Whoever read the value names its field in the problem body: the
 * JSON path of a body's property, or the name of a query parameter.
 */
final class RefusedValue extends RuntimeException {

    private final String rule;

    RefusedValue(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
