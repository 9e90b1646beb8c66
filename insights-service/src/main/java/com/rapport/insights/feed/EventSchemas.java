package com.rapport.insights.feed;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.rapport.events.EventType;
import com.rapport.events.PublishedLanguage;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON Schema (draft 2020-12) for each published event type and revision, generated from the
 * event records themselves, so the schemas cannot drift from what is published.
 */
@Component
public class EventSchemas {

    /** @param schema the JSON Schema document */
    public record Described(String type, int revision, String schema) {
    }

    private final Map<String, Described> byType = new LinkedHashMap<>();

    public EventSchemas() {
        SchemaGenerator generator = new SchemaGenerator(new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.FLATTENED_ENUMS, Option.NULLABLE_FIELDS_BY_DEFAULT,
                        Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .build());
        for (Class<?> type : PublishedLanguage.eventTypes()) {
            EventType published = PublishedLanguage.describe(type).orElseThrow();
            var schema = generator.generateSchema(type);
            schema.put("$id", "urn:" + published.name() + ":" + published.revision());
            schema.put("title", published.name() + " revision " + published.revision());
            byType.put(published.name(), new Described(published.name(), published.revision(), schema.toPrettyString()));
        }
    }

    public List<Described> all() {
        return List.copyOf(byType.values());
    }

    public Optional<Described> of(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
