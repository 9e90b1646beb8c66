package com.rapport.platform.problem;

/**
 * One broken rule in a problem body.
 *
 * @param field the JSON path or parameter name, e.g. {@code annualValue}
 * @param rule  the rule's name, e.g. {@code PositiveOrZero}
 */
public record FieldError(String field, String rule, String message) {
}
