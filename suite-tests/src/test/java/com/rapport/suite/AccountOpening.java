package com.rapport.suite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Test data builder for the body of POST /api/accounts. */
final class AccountOpening {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private AccountOpening() {
    }

    /** A valid opening with a name no other test uses. */
    static AccountOpening anAccount() {
        return new AccountOpening()
                .with("name", "Acme " + UUID.randomUUID().toString().substring(0, 8))
                .with("tier", "KEY")
                .with("annualValue", 120000)
                .with("currency", "EUR")
                .with("ownerId", "alice")
                .with("timezone", "Europe/Paris");
    }

    AccountOpening with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    AccountOpening without(String field) {
        fields.remove(field);
        return this;
    }

    Object get(String field) {
        return fields.get(field);
    }

    Map<String, Object> body() {
        return new LinkedHashMap<>(fields);
    }
}
