package com.rapport.platform.web;

import com.rapport.platform.problem.InvalidField;

import java.util.regex.Pattern;

/**
 * Who is recording: the staff id the request names, else the user the gateway authenticated
 * ({@value #HEADER}, which the gateway sets and never takes from a client).
 */
public final class ActingUser {

    public static final String HEADER = "X-Rapport-User";

    private static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private ActingUser() {
    }

    /** The staff id to record, or null when neither the request nor the gateway names anyone. */
    public static String staffId(String requested, String authenticated) {
        if (requested != null) {
            return requested;
        }
        return authenticated != null && STAFF_ID.matcher(authenticated).matches() ? authenticated : null;
    }

    /** As {@link #staffId}, for records that must name someone. */
    public static String requiredStaffId(String requested, String authenticated) {
        String staffId = staffId(requested, authenticated);
        if (staffId == null) {
            throw new InvalidField("staffId", "NotNull", "is required unless the request comes through the gateway signed in");
        }
        return staffId;
    }
}
