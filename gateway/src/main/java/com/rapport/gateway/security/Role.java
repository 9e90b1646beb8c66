package com.rapport.gateway.security;

/** What a principal may do through the gateway; a principal may hold several. */
public enum Role {
    /** reads everything: every GET under /api */
    LEADER,
    /** records outreach and account changes, reads accounts, timelines and the call list */
    STAFF,
    /** reads the event feed only */
    INTEGRATION,
    /** the gateway's actuator endpoints (health is open to everyone) */
    OPS;

    String authority() {
        return "ROLE_" + name();
    }

    static boolean isRole(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
