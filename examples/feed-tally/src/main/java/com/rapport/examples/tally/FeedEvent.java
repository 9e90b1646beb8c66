package com.rapport.examples.tally;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

import java.nio.charset.StandardCharsets;

/**
 * What this consumer reads of a feed item: where it is in the feed, what it is and which account
 * it concerns. The item is a CloudEvent in JSON with Rapport's extensions {@code position} and
 * {@code revision}; the server-sent event's id is its position.
 */
public record FeedEvent(long position, String type, String subject) {

    private static final EventFormat CLOUD_EVENTS = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    static FeedEvent of(ServerSentEvents.Message message) {
        CloudEvent event = CLOUD_EVENTS.deserialize(message.data().getBytes(StandardCharsets.UTF_8));
        long position = Long.parseLong(message.id());
        Object extension = event.getExtension("position");
        if (extension == null || Long.parseLong(extension.toString()) != position) {
            throw new IllegalArgumentException("event " + event.getId() + " at position " + extension
                    + " came with the id " + message.id());
        }
        return new FeedEvent(position, event.getType(), event.getSubject());
    }
}
