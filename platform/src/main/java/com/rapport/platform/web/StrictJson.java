package com.rapport.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;

/**
 * How request bodies are read: as the contract is written, nothing guessed. A number must be a
 * JSON number, a flag a JSON boolean, a text a JSON string that {@link StorableText} accepts, an
 * enum value its name, a time ISO-8601 text that {@link PermittedTimes} accepts; a property sent
 * twice, a fraction for a whole number, a single value for a list are refused, each naming its
 * field. Properties the contract does not name are still ignored, as they always were.
 * <p>
 * Only requests are read this way: what a service stored itself is read by the mapper it was
 * written with.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** The service's mapper, reading requests strictly; it writes as before. */
    static JsonMapper forRequests(JsonMapper mapper) {
        return mapper.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("rapport-requests")
                        .addDeserializer(String.class, new Text())
                        .addDeserializer(Instant.class, new Time()))
                .build();
    }

    /** A JSON string, and only one that can be stored. */
    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return StorableText.require(parser.getString());
        }
    }

    /** ISO-8601 text within the permitted years; never a number of seconds. */
    private static final class Time extends StdScalarDeserializer<Instant> {

        Time() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return PermittedTimes.instant(parser.getString());
        }
    }
}
