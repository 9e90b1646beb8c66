package com.rapport.insights.feed;

import java.util.List;

/**
 * A page of the feed.
 *
 * @param next the position to ask for next ({@code after=next}); it only moves past events that
 *             were served or did not match the filters, never past one still being written. A page
 *             reads a bounded number of stored events, so it may hold no items while {@code next}
 *             moves on: only an empty page whose {@code next} is the {@code after} asked for is the
 *             end, for now
 */
public record FeedPage(List<FeedItem> items, long next, int limit) {
}
