package com.rapport.insights.feed;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * One event of the feed, with its CloudEvents attributes.
 *
 * @param position the event's place in the store: resume after it
 * @param source   the service that recorded it, e.g. {@code /rapport/outreach}
 * @param type     the stable external name, e.g. {@code rapport.outreach.contact-logged}
 * @param time     when it happened in the world (occurredAt)
 * @param subject  the account it concerns; null for an event about the firm as a whole (a health policy change)
 * @param revision the revision of the type that {@code data} has: always the latest, older events being upcast
 * @param data     the event in its published JSON shape
 */
public record FeedItem(long position, String id, String source, String type, String specversion, Instant time,
                       String subject, String datacontenttype, String revision, @JsonRawValue String data) {
}
