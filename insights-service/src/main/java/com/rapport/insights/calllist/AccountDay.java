package com.rapport.insights.calllist;

import com.rapport.insights.account.AccountState;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One account's part of a calendar day: that day in the account's own time zone, from its midnight
 * to its midnight, however many hours that is. The zone is the one the account was opened with or
 * last moved to; a move counts from the day it was made on, reckoned in the zone it replaced. An
 * account whose zone is unknown here keeps the one before it, UTC if none.
 */
record AccountDay(LocalDate date, ZoneId zone) {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** @param zones the zone the account was opened in, then every move, in the order they happened */
    static AccountDay of(List<AccountState.ZoneMove> zones, LocalDate date) {
        ZoneId zone = UTC;
        for (int i = 0; i < zones.size(); i++) {
            AccountState.ZoneMove move = zones.get(i);
            if (i == 0 || !dayIn(zone, move.at()).isAfter(date)) {
                zone = zoneOf(move.timezone(), zone);
            }
        }
        return new AccountDay(date, zone);
    }

    /** The last second of the day in the account's zone: the moment the account is judged as it stood. */
    Instant end() {
        return date.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }

    /** Calendar days from the moment's day to this one, both in the account's zone: 0 for the same day. */
    long daysSince(Instant moment) {
        return ChronoUnit.DAYS.between(dayIn(zone, moment), date);
    }

    /** Calendar days from this day to the moment's, both in the account's zone: 0 for the same day. */
    long daysUntil(Instant moment) {
        return ChronoUnit.DAYS.between(date, dayIn(zone, moment));
    }

    /** The moment's day in the account's zone, as a person writes it: 16 Apr 2025. */
    String dayOf(Instant moment) {
        return DAY.format(moment.atZone(zone));
    }

    private static LocalDate dayIn(ZoneId zone, Instant moment) {
        return LocalDate.ofInstant(moment, zone);
    }

    /** A zone this JVM's time zone data does not know (or none) leaves the one before: one account cannot fail the list. */
    private static ZoneId zoneOf(String timezone, ZoneId before) {
        if (timezone == null) {
            return before;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return before;
        }
    }
}
