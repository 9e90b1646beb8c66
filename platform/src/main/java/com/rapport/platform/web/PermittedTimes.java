package com.rapport.platform.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;

/**
 * The times a request may name, as ISO-8601 text only: instants and dates in the years
 * {@value #FIRST_YEAR} to {@value #LAST_YEAR}, durations no longer than that span.
 * <p>
 * Nothing the firm records or asks about lies outside those years, and within them every time
 * is one that java.time, the serializer and both databases hold alike: year -1,000,000,000 is
 * a valid {@link Instant} that no timestamp column stores, and a time plus a step of 9,999,999,999,999
 * days is an overflow. A number is not read as seconds or milliseconds since 1970: a client
 * that sends one has misunderstood the contract, and guessing the unit would record a wrong time.
 */
public final class PermittedTimes {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    public static final Instant EARLIEST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** the first instant after the permitted years */
    public static final Instant END = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** the longest duration a request may name: the permitted years, end to end */
    public static final Duration LONGEST = Duration.between(EARLIEST, END);

    public static final String RULE = "TimeRange";

    // as Jackson read instants before: case-insensitive, an offset instead of Z accepted
    private static final DateTimeFormatter ISO_INSTANT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendInstant().toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private PermittedTimes() {
    }

    static Instant instant(String text) {
        Instant instant;
        try {
            instant = ISO_INSTANT.parse(text.strip(), Instant::from);
        } catch (DateTimeException notIso) {
            throw new RefusedValue("Format", "must be an ISO-8601 instant, e.g. 2026-01-31T09:30:00Z");
        }
        return within(instant);
    }

    private static Instant within(Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
            throw new RefusedValue(RULE, "must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR + " (UTC)");
        }
        return instant;
    }

    static LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException notIso) {
            throw new RefusedValue("Format", "must be an ISO date, e.g. 2026-01-31");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new RefusedValue(RULE, "must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return date;
    }

    static Duration duration(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text.strip());
        } catch (DateTimeException | ArithmeticException notIso) {
            throw new RefusedValue("Format", "must be an ISO-8601 duration, e.g. P7D or PT12H");
        }
        if (duration.abs().compareTo(LONGEST) > 0) {
            throw new RefusedValue(RULE, "must be at most " + LONGEST.toDays() + " days (P" + LONGEST.toDays()
                    + "D), the span of the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return duration;
    }
}
