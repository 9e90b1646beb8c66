package com.rapport.insights.feed;

import com.rapport.events.AccountEvent;
import com.rapport.events.EventType;
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
 * when Axon's gap timeout passes.
 * <p>
 * Every event is served in its type's latest revision, upcast as the services read it, whatever
 * revision it was stored in: a consumer needs to understand one shape per type, the one
 * {@code /api/events/schemas/{type}} describes. Reading the feed again after a revision may thus
 * give an older event in its newer shape (the added fields null).
 */
@Component
public class EventFeed {

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
        TrackingToken start = after <= 0 ? null : GapAwareTrackingToken.newInstance(after, List.of());
        try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(start, false)) {
            Iterator<? extends TrackedEventMessage<?>> messages = stream.iterator();
            while (items.size() < limit && messages.hasNext()) {
                TrackedEventMessage<?> message = messages.next();
                GapAwareTrackingToken token = (GapAwareTrackingToken) message.trackingToken();
                if (!token.getGaps().tailSet(after + 1).isEmpty()) {
                    break;
                }
                next = token.getIndex();
                if (message.getPayload() instanceof AccountEvent event && matches(event, types, account)) {
                    items.add(item(next, message, event));
                }
            }
        }
        return new FeedPage(items, next, limit);
    }

    private static boolean matches(AccountEvent event, Set<String> types, UUID account) {
        return (types.isEmpty() || types.contains(nameOf(event)))
                && (account == null || account.equals(event.accountId()));
    }

    private FeedItem item(long position, TrackedEventMessage<?> message, AccountEvent event) {
        EventType type = PublishedLanguage.describe(event.getClass()).orElseThrow();
        return new FeedItem(position, message.getIdentifier(), sourceOf(type.name()), type.name(), "1.0",
                event.occurredAt(), event.accountId().toString(), "application/json", String.valueOf(type.revision()),
                json.writeValueAsString(event));
    }

    private static String nameOf(AccountEvent event) {
        return PublishedLanguage.describe(event.getClass()).map(EventType::name).orElse("");
    }

    /** rapport.outreach.contact-logged was recorded by /rapport/outreach */
    private static String sourceOf(String type) {
        String[] parts = type.split("\\.");
        return "/" + parts[0] + "/" + parts[1];
    }
}
