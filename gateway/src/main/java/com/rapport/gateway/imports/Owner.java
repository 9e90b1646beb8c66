package com.rapport.gateway.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The service that records each type of line, with the route (application.yml) that reaches it and
 * its endpoint for a chunk of an import. The gateway reads a line's {@code type} and nothing else
 * of its record: the service reads the record as its single endpoint does.
 */
enum Owner {

    ACCOUNTS("accounts", "/api/accounts/import", List.of("account", "loss", "win-back")),
    OUTREACH("outreach", "/api/outreach/import", List.of("contact", "pitch", "pitch-outcome", "feedback",
            "unmet-need", "need-resolution", "competitor-signal", "exit-interview", "call", "call-reschedule",
            "call-completion", "call-missed"));

    final String route;
    final String path;
    final List<String> types;

    Owner(String route, String path, List<String> types) {
        this.route = route;
        this.path = path;
        this.types = types;
    }

    static Optional<Owner> of(String type) {
        return Arrays.stream(values()).filter(owner -> owner.types.contains(type)).findFirst();
    }

    static List<String> allTypes() {
        return Arrays.stream(values()).flatMap(owner -> owner.types.stream()).toList();
    }
}
