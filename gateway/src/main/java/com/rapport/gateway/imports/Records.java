package com.rapport.gateway.imports;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.Optional;

/**
 * Reads from a line only what the gateway needs: that it is one JSON object, its {@code type} (the
 * service that owns it) and its {@code accountId}, if any. The service reads the rest.
 */
final class Records {

    private Records() {
    }

    static Read classify(int number, String json) {
        String type = null;
        String accountId = null;
        try (JsonParser parser = Problems.JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Read.refused(number, null, 400,
                        Problems.invalid("$", "JSON", "must be a JSON object: one record a line"));
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && "type".equals(name)) {
                    type = parser.getString();
                } else if (value == JsonToken.VALUE_STRING && "accountId".equals(name)) {
                    accountId = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                return Read.refused(number, type, 400,
                        Problems.invalid("$", "JSON", "must be one JSON object: one record a line"));
            }
        } catch (JacksonException malformed) {
            return Read.refused(number, type, 400, Problems.invalid("$", "JSON",
                    "The line is not well-formed JSON: " + malformed.getOriginalMessage()));
        }
        Optional<Owner> owner = Optional.ofNullable(type).flatMap(Owner::of);
        if (owner.isEmpty()) {
            return Read.refused(number, type, 400,
                    Problems.invalid("type", "OneOf", "must be one of " + String.join(", ", Owner.allTypes())));
        }
        return Read.of(new ImportLine(number, type, accountId, owner.get(), json));
    }
}
