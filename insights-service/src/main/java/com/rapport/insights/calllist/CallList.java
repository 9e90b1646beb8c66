package com.rapport.insights.calllist;

import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who {@code ownerId} should call on {@code date}, and why, the highest priority first: the HTTP contract's call list.
 * Each account's part of the date is that day in its own time zone.
 */
public record CallList(String ownerId, LocalDate date, List<Item> items) {

    public CallList {
        items = List.copyOf(items);
    }

    /**
     * One account to call.
     *
     * @param timezone the account's time zone, in which its part of the day is reckoned (an IANA id, e.g. Europe/Paris)
     * @param kind     the occasion the account is on the list for; others it is also due are noted in the reason
     * @param reason   why, in words a person can read
     * @param agenda   what to talk about
     * @param priority higher first; see {@link CallListRanking} for how it is made
     * @param score    the account's health score at the end of the day, as are {@code band} and {@code neglected}
     * @param runwayDays calendar days (in the account's zone) from the date to the day it will be flagged if nothing
     *                   happens: 0 when it is flagged already, null when not within a year
     */
    public record Item(UUID accountId, String name, Tier tier, BigDecimal annualValue, String currency, String timezone,
                       Occasion kind, String reason, String agenda, double priority, int score, HealthBand band,
                       boolean neglected, List<String> signals, Long runwayDays) {
    }
}
