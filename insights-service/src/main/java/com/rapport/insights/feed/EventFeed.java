package com.rapport.insights.feed;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;
import com.rapport.events.PublishedEvent;
import com.rapport.events.PublishedLanguage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The shared event store in global order, for other services. It reads through Axon's storage
 * engine, never the tables (on Axon Server, its event store would take the engine's place).
 * <p>
 * A global index is handed out before its transaction commits, so a slow writer can leave a
 * gap that fills in after later events are visible. A page therefore ends just before the first
 * event that still has an open gap below it: a consumer that resumes from {@code next} sees
 * every committed event exactly once and in order. A gap whose transaction rolled back closes
 * when Axon's gap timeout passes. A page also ends after {@link #MOST_SCANNED} stored events,
 * however few matched, with {@code next} at the last one read: it may be empty and still not the end.
 * <p>
 * Every event is served in its type's latest revision, upcast as the services read it, whatever
 * revision it was stored in: a consumer needs to understand one shape per type, the one
 * {@code /api/events/schemas/{type}} describes. Reading the feed again after a revision may thus
 * give an older event in its newer shape (the added fields null).
 */
@Component
public class EventFeed {

    /**
     * The most stored events one page reads, matching or not: a filter that matches little (a quiet
     * account, a rare type) costs a bounded amount per request, and the consumer follows {@code next}.
     */
    static final int MOST_SCANNED = 1000;
    /** How far below the store's newest event {@link #head()} looks for events still being written. */
    static final int HEAD_LOOKBACK = 1000;

    private final EventStorageEngine storage;
    private final JsonMapper json;

    public EventFeed(EventStorageEngine storage, JsonMapper json) {
        this.storage = storage;
        this.json = json;
    }

    /**
     * @param after   the position to resume after (0 for the start)
     * @param types   external names to serve, or empty for all
     * @param account the account to serve, or null for all
     */
    public FeedPage read(long after, int limit, Set<String> types, UUID account) {
        List<FeedItem> items = new ArrayList<>();
        long next = after;
        try (Stream<? extends TrackedEventMessage<?>> committed = committedAfter(after)) {
            Iterator<? extends TrackedEventMessage<?>> messages = committed.limit(MOST_SCANNED).iterator();
            while (items.size() < limit && messages.hasNext()) {
                TrackedEventMessage<?> message = messages.next();
                next = positionOf(message);
                if (isServed(message.getPayloadType(), types)
                        && message.getPayload() instanceof PublishedEvent event
                        && (account == null || event instanceof AccountEvent about && account.equals(about.accountId()))) {
                    items.add(item(next, message, event));
                }
            }
        }
        return new FeedPage(items, next, limit);
    }

    /**
     * The newest position a page would serve up to now: the store's newest event, or the last one
     * below the lowest event still being written. Only the newest {@link #HEAD_LOOKBACK} positions
     * are checked for such an event; one that stays open while more are committed is not waited for.
     */
    public long head() {
        TrackingToken newest = storage.createHeadToken();
        long from = Math.max(0, newest == null ? 0 : newest.position().orElse(0) - HEAD_LOOKBACK);
        try (Stream<? extends TrackedEventMessage<?>> committed = committedAfter(from)) {
            return committed.reduce((earlier, later) -> later).map(EventFeed::positionOf).orElse(from);
        }
    }

    /** The events after {@code after}, in order, up to the first one that has a gap still open below it. */
    private Stream<? extends TrackedEventMessage<?>> committedAfter(long after) {
        TrackingToken start = after <= 0 ? null : GapAwareTrackingToken.newInstance(after, List.of());
        return storage.readEvents(start, false)
                .takeWhile(message -> gapsOf(message).tailSet(after + 1).isEmpty());
    }

    private static long positionOf(TrackedEventMessage<?> message) {
        return ((GapAwareTrackingToken) message.trackingToken()).getIndex();
    }

    private static SortedSet<Long> gapsOf(TrackedEventMessage<?> message) {
        return ((GapAwareTrackingToken) message.trackingToken()).getGaps();
    }

    /** Decided on the type alone, so an event of another type is never deserialized. */
    private static boolean isServed(Class<?> payloadType, Set<String> types) {
        return PublishedEvent.class.isAssignableFrom(payloadType)
                && (types.isEmpty() || types.contains(PublishedLanguage.describe(payloadType).map(EventType::name).orElse("")));
    }

    /** An event about no account in particular (a change of the health policy) has no subject. */
    private FeedItem item(long position, TrackedEventMessage<?> message, PublishedEvent event) {
        EventType type = PublishedLanguage.describe(event.getClass()).orElseThrow();
        return new FeedItem(position, message.getIdentifier(), sourceOf(type.name()), type.name(), "1.0",
                event.occurredAt(), event instanceof AccountEvent about ? about.accountId().toString() : null,
                "application/json", String.valueOf(type.revision()), json.writeValueAsString(event));
    }

    /** rapport.outreach.contact-logged was recorded by /rapport/outreach */
    private static String sourceOf(String type) {
        String[] parts = type.split("\\.");
        return "/" + parts[0] + "/" + parts[1];
    }
}
