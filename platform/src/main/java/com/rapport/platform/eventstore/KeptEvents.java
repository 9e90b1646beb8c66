package com.rapport.platform.eventstore;

import org.axonframework.eventhandling.EventData;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies of published events that a read model keeps in its own tables, in the type and revision
 * they were kept in, read back as the event store's own are read: upcast to the current revision,
 * then deserialized. A copy kept before an event gained a revision keeps loading.
 */
public final class KeptEvents {

    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final SerializedObject<byte[]> noMetaData;

    public KeptEvents(Serializer serializer, EventUpcaster upcasters) {
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.noMetaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
    }

    /** @param revision null for a type that was never revised */
    public Object read(String eventId, String type, String revision, String payload) {
        Kept kept = new Kept(eventId, new SimpleSerializedObject<>(payload.getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(type, revision)), noMetaData);
        List<IntermediateEventRepresentation> upcast;
        try (Stream<IntermediateEventRepresentation> representations =
                     upcasters.upcast(Stream.of(new InitialEventRepresentation(kept, serializer)))) {
            upcast = representations.toList();
        }
        // the published language's upcasters map one event to one event
        if (upcast.size() != 1) {
            throw new IllegalStateException("Event " + eventId + " was upcast into " + upcast.size() + " events");
        }
        return serializer.deserialize(upcast.get(0).getData());
    }

    /** A kept copy: its payload is all that a read model keeps, and all that upcasters of the published language read. */
    private static final class Kept implements EventData<byte[]> {

        private final String eventId;
        private final SerializedObject<byte[]> payload;
        private final SerializedObject<byte[]> metaData;

        Kept(String eventId, SerializedObject<byte[]> payload, SerializedObject<byte[]> metaData) {
            this.eventId = eventId;
            this.payload = payload;
            this.metaData = metaData;
        }

        @Override
        public String getEventIdentifier() {
            return eventId;
        }

        @Override
        public Instant getTimestamp() {
            throw new UnsupportedOperationException("A kept copy of event " + eventId + " has no recording time to upcast with");
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return metaData;
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return payload;
        }
    }
}
