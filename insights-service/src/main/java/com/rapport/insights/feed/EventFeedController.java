package com.rapport.insights.feed;

import com.rapport.events.PublishedLanguage;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.problem.NotFound;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The event feed for other services, resumable from any position: pages, or a stream. */
@RestController
class EventFeedController {

    private final EventFeed feed;
    private final EventStream stream;
    private final EventSchemas schemas;

    EventFeedController(EventFeed feed, EventStream stream, EventSchemas schemas) {
        this.feed = feed;
        this.stream = stream;
        this.schemas = schemas;
    }

    record SchemaList(List<SchemaEntry> items) {
    }

    /** @param latest the revision the feed serves events of this type in */
    record SchemaEntry(String type, int revision, boolean latest, String href) {
    }

    /** Every published event type and revision, with where its JSON Schema is. */
    @GetMapping("/api/events/schemas")
    SchemaList schemas() {
        return new SchemaList(schemas.all().stream()
                .map(schema -> new SchemaEntry(schema.type(), schema.revision(), schema.latest(),
                        "/api/events/schemas/" + schema.type() + "?revision=" + schema.revision()))
                .toList());
    }

    /** The type's latest revision, the one the feed serves, unless {@code revision} names an older one. */
    @GetMapping(path = "/api/events/schemas/{type}", produces = "application/schema+json")
    String schema(@PathVariable String type, @RequestParam(required = false) Integer revision) {
        EventSchemas.Described latest = schemas.of(type)
                .orElseThrow(() -> new NotFound("No event type is published as " + type + "; see /api/events/schemas"));
        if (revision == null) {
            return latest.schema();
        }
        return schemas.of(type, revision)
                .orElseThrow(() -> new NotFound(type + " has revisions 1 to " + latest.revision() + ", not " + revision))
                .schema();
    }

    @GetMapping("/api/events")
    FeedPage events(@RequestParam(defaultValue = "0") @Min(0) long after,
                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                    @RequestParam(required = false) String types,
                    @RequestParam(required = false) UUID account) {
        return feed.read(after, limit, typesOf(types), account);
    }

    /** @param position the newest position the feed serves up to now: read or follow after it to skip history */
    record Head(long position) {
    }

    @GetMapping("/api/events/head")
    Head head() {
        return new Head(feed.head());
    }

    /**
     * The same as server-sent events, {@code id:} being the position: a client that reconnects
     * with {@code Last-Event-ID} resumes right after the last event it got.
     */
    @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(defaultValue = "0") @Min(0) long after,
                      @RequestParam(required = false) String types,
                      @RequestParam(required = false) UUID account) {
        SseEmitter emitter = stream.follow(resumeAfter(lastEventId, after), typesOf(types), account);
        if (emitter == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "The event stream has " + EventStream.MOST_SUBSCRIBERS + " subscribers already; use GET /api/events or try again later");
        }
        return emitter;
    }

    private static long resumeAfter(String lastEventId, long after) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return after;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException notAPosition) {
            throw new InvalidField("Last-Event-ID", "Position", "must be the id of an event of this stream (a position)");
        }
    }

    private static Set<String> typesOf(String types) {
        Set<String> names = new LinkedHashSet<>();
        if (types == null || types.isBlank()) {
            return names;
        }
        for (String name : Arrays.stream(types.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList()) {
            if (PublishedLanguage.typeNamed(name).isEmpty()) {
                throw new InvalidField("types", "EventType", "names an unknown event type: " + name
                        + " (known: " + PublishedLanguage.eventTypes().stream()
                        .map(type -> PublishedLanguage.describe(type).orElseThrow().name()).toList() + ")");
            }
            names.add(name);
        }
        return names;
    }
}
