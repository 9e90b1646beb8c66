package com.rapport.insights.feed;

import com.rapport.events.PublishedLanguage;
import com.rapport.platform.problem.InvalidField;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** {@code GET /api/events}: the event feed for other services, resumable from any position. */
@RestController
class EventFeedController {

    private final EventFeed feed;

    EventFeedController(EventFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/events")
    FeedPage events(@RequestParam(defaultValue = "0") @Min(0) long after,
                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                    @RequestParam(required = false) String types,
                    @RequestParam(required = false) UUID account) {
        return feed.read(after, limit, typesOf(types), account);
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
