package com.rapport.examples.tally;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What this consumer reads of a feed item: where it is in the feed, what it is and which account
 * it concerns. The item carries more (CloudEvents attributes, revision, data); a consumer takes
 * what it needs and ignores fields it does not know, so new ones never break it.
 */
public record FeedEvent(long position, String type, String subject) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static FeedEvent of(ServerSentEvents.Message message) {
        JsonNode item = JSON.readTree(message.data());
        long position = item.get("position").asLong();
        if (message.id() == null || Long.parseLong(message.id()) != position) {
            throw new IllegalArgumentException("message id " + message.id() + " is not the item's position " + position);
        }
        JsonNode subject = item.get("subject");
        return new FeedEvent(position, item.get("type").asString(),
                subject == null || subject.isNull() ? null : subject.asString());
    }
}
