package com.rapport.outreach.timeline;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * One event of an account's story.
 *
 * @param type    the event's stable external name, e.g. {@code rapport.outreach.contact-logged}
 * @param staffId who did it, where the event names someone
 * @param data    the event as published
 */
public record TimelineItem(String type, Instant occurredAt, Instant recordedAt, String staffId, String summary,
                           @JsonRawValue String data) {
}
