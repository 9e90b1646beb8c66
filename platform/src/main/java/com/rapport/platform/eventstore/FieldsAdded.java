package com.rapport.platform.eventstore;

import com.rapport.events.EventType;
import com.rapport.events.PublishedLanguage;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Upcasts a published event stored in the revision before {@code revision} to it, for a
 * revision that only added fields: the stored event did not record them, so it gets them as
 * null. Which fields those are is read from the event record ({@link com.rapport.events.AddedIn}),
 * so the upcaster and the schemas of both revisions cannot disagree.
 * <p>
 * It works on the Jackson 3 tree that {@link PublishedLanguageSerializer}'s converters give
 * upcasters, whatever the stored payload's own representation.
 */
public final class FieldsAdded extends SingleEventUpcaster {

    private final SerializedType stored;
    private final SerializedType upcast;
    private final List<String> added;

    /** @param revision the revision that added fields, 2 or later */
    public FieldsAdded(Class<?> type, int revision) {
        EventType published = PublishedLanguage.describe(type)
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not published"));
        List<String> fields = new ArrayList<>(PublishedLanguage.fieldsAt(type, revision));
        fields.removeAll(PublishedLanguage.fieldsAt(type, revision - 1));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException(type.getSimpleName() + " revision " + revision + " added no field");
        }
        this.stored = new SimpleSerializedType(published.name(), String.valueOf(revision - 1));
        this.upcast = new SimpleSerializedType(published.name(), String.valueOf(revision));
        this.added = List.copyOf(fields);
    }

    /**
     * One for every revision after the first of every published event, oldest first, read from the
     * records themselves: bumping a revision and marking its fields {@code @AddedIn} is all a
     * field's addition takes. A revision that changed an event otherwise added no field and is
     * refused here, at start-up, until it has an upcaster of its own.
     */
    public static List<FieldsAdded> forThePublishedLanguage() {
        List<FieldsAdded> upcasters = new ArrayList<>();
        for (Class<?> type : PublishedLanguage.eventTypes()) {
            int latest = PublishedLanguage.describe(type).orElseThrow().revision();
            for (int revision = 2; revision <= latest; revision++) {
                upcasters.add(new FieldsAdded(type, revision));
            }
        }
        return upcasters;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return stored.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(upcast, ObjectNode.class, payload -> {
            added.stream().filter(field -> !payload.has(field)).forEach(payload::putNull);
            return payload;
        });
    }
}
