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
import java.util.function.Function;

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
public final class StrictJson {

    private StrictJson() {
    }

    /** The service's mapper, reading requests strictly; it writes as before. */
    public static JsonMapper forRequests(JsonMapper mapper) {
        return mapper.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("rapport-requests")
                        .addDeserializer(String.class, new FromText<>(String.class, StorableText::require))
                        .addDeserializer(Instant.class, new FromText<>(Instant.class, PermittedTimes::instant)))
                .build();
    }

    /**
     * A value written as a JSON string and read by one of the rules: a JSON number, boolean,
     * array or object is refused as the wrong type, not converted.
     */
    private static final class FromText<T> extends StdScalarDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> rule;

        FromText(Class<T> type, Function<String, T> rule) {
            super(type);
            this.type = type;
            this.rule = rule;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            return rule.apply(parser.getString());
        }
    }
}
