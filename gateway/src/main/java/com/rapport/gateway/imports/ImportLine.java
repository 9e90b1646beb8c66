package com.rapport.gateway.imports;

import java.nio.charset.StandardCharsets;

/**
 * A line of an import that reads as a record, on its way to the service that owns its type.
 *
 * @param number    where it is in the file, counting from 1 as editors do
 * @param json      the line as it came (a CSV row: as JSON)
 * @param accountId the account it concerns, when it names one: the line's order matters only
 *                  against lines of the same account
 */
record ImportLine(int number, String type, String accountId, Owner owner, String json) {

    int size() {
        return json.getBytes(StandardCharsets.UTF_8).length + 1;
    }
}
