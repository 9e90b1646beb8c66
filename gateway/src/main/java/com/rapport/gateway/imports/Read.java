package com.rapport.gateway.imports;

import tools.jackson.databind.node.ObjectNode;

/** What the gateway made of one line of an import: a record to send on, or a refusal of its own. */
record Read(ImportLine line, Refusal refusal) {

    /** A line the gateway refuses itself, before any service sees it. */
    record Refusal(int number, String type, int status, ObjectNode problem) {
    }

    static Read of(ImportLine line) {
        return new Read(line, null);
    }

    static Read refused(int number, String type, int status, ObjectNode problem) {
        return new Read(null, new Refusal(number, type, status, problem));
    }

    int number() {
        return line != null ? line.number() : refusal.number();
    }
}
