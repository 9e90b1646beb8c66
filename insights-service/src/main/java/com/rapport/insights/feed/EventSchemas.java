package com.rapport.insights.feed;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.rapport.events.EventType;
import com.rapport.events.PublishedLanguage;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON Schema (draft 2020-12) for each published event type and each of its revisions,
 * generated from the event records themselves, so the schemas cannot drift from what is
 * published. An older revision's schema is the record without the fields added since
 * ({@link com.rapport.events.AddedIn}): the shape events were stored and served in before.
 */
@Component
public class EventSchemas {

    /** @param schema the JSON Schema document */
    public record Described(String type, int revision, boolean latest, String schema) {
    }

    /** Each type's revisions, oldest first. */
    private final Map<String, List<Described>> byType = new LinkedHashMap<>();

    public EventSchemas() {
        for (Class<?> type : PublishedLanguage.eventTypes()) {
            EventType published = PublishedLanguage.describe(type).orElseThrow();
            List<Described> revisions = new ArrayList<>();
            for (int revision = 1; revision <= published.revision(); revision++) {
                var schema = generatorAt(revision).generateSchema(type);
                schema.put("$id", "urn:" + published.name() + ":" + revision);
                schema.put("title", published.name() + " revision " + revision);
                revisions.add(new Described(published.name(), revision, revision == published.revision(),
                        schema.toPrettyString()));
            }
            byType.put(published.name(), List.copyOf(revisions));
        }
    }

    /** Leaves out the fields of published events that were added after the given revision. */
    private static SchemaGenerator generatorAt(int revision) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                // a map's entries are its own (a signal's figures, a policy's settings): its values' type is their rule
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.FLATTENED_ENUMS, Option.NULLABLE_FIELDS_BY_DEFAULT,
                        Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
        config.forFields().withIgnoreCheck(field -> {
            Class<?> event = field.getDeclaringType().getErasedType();
            return PublishedLanguage.describe(event).isPresent()
                    && !PublishedLanguage.fieldsAt(event, revision).contains(field.getDeclaredName());
        });
        return new SchemaGenerator(config.build());
    }

    /** Every type's every revision. */
    public List<Described> all() {
        return byType.values().stream().flatMap(List::stream).toList();
    }

    /** The type's latest revision: the one the feed serves. */
    public Optional<Described> of(String type) {
        return Optional.ofNullable(byType.get(type)).map(revisions -> revisions.get(revisions.size() - 1));
    }

    public Optional<Described> of(String type, int revision) {
        return Optional.ofNullable(byType.get(type)).flatMap(revisions -> revisions.stream()
                .filter(described -> described.revision() == revision)
                .findFirst());
    }
}
