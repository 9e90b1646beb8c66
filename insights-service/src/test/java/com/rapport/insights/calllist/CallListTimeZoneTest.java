package com.rapport.insights.calllist;

import com.rapport.insights.AccountHistory;
import com.rapport.insights.health.HealthPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import static com.rapport.events.account.LossReason.PRICE;
import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.insights.AccountHistory.at;
import static com.rapport.insights.AccountHistory.histories;
import static com.rapport.insights.calllist.Occasion.LOST_WITHOUT_INTERVIEW;
import static com.rapport.insights.calllist.Occasion.SLIPPING;
import static com.rapport.insights.calllist.Occasion.VOICEMAIL_FOLLOW_UP;
import static com.rapport.insights.calllist.Occasion.WEEKLY_CHECK_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The call list's day is a calendar day, and each account's part of it is that day in the account's
 * own time zone. Most rows would come out the other way if the day were UTC's; the others mark where
 * the account's day ends.
 */
class CallListTimeZoneTest {

    private static final String AUCKLAND = "Pacific/Auckland";
    private static final String LOS_ANGELES = "America/Los_Angeles";
    private static final String PARIS = "Europe/Paris";

    private static final CallListRanking RANKING = new CallListRanking(HealthPolicy.defaults(), CallListRules.defaults());

    private static CallList alicesListOn(String date, AccountHistory account) {
        return CallLists.of(RANKING, "alice", LocalDate.parse(date), histories(account), 10);
    }

    private static CallList.Item onlyItem(CallList list) {
        assertThat(list.items()).hasSize(1);
        return list.items().get(0);
    }

    /** Noon, {@code days} days before {@code day}, on a clock in {@code zone}. */
    private static Instant noonBefore(String day, int days, String zone) {
        return at(LocalDate.parse(day).minusDays(days) + "T12:00", zone);
    }

    /**
     * A core account in {@code zone}, opened 30 days before the call is due, spoken to 10 days before
     * it and then left a voicemail, with the call planned after the voicemail due at {@code localTime}:
     * that call is all that can put it on the list.
     */
    private static AccountHistory callDueAt(String localTime, String zone) {
        String day = localTime.substring(0, 10);
        return spokenToThenCallDueAt(noonBefore(day, 10, zone), localTime, zone);
    }

    /** As {@link #callDueAt}, but spoken to {@code connected}. */
    private static AccountHistory spokenToThenCallDueAt(Instant connected, String localTime, String zone) {
        String day = localTime.substring(0, 10);
        Instant voicemail = noonBefore(day, 1, zone);
        return AccountHistory.of("Acme").in(zone).tier(CORE).opened(noonBefore(day, 30, zone))
                .connected(connected).voicemail(voicemail).callPlanned("again", at(localTime, zone), voicemail);
    }

    /** A strategic account in {@code zone}, opened a month before 16 Apr 2025 and last spoken to {@code connected}. */
    private static AccountHistory strategicSpokenTo(Instant connected, String zone) {
        return AccountHistory.of("Acme").in(zone).tier(STRATEGIC).opened(noonBefore("2025-04-16", 30, zone))
                .connected(connected);
    }

    /** A core account in {@code zone}, opened on 1 Jan 2025, spoken to on the 10th, lost {@code lost}, not interviewed. */
    private static AccountHistory lostAt(Instant lost, String zone) {
        return AccountHistory.of("Acme").in(zone).tier(CORE).opened(at("2025-01-01T12:00", zone))
                .connected(at("2025-01-10T12:00", zone)).lost(PRICE, "Globex", lost);
    }

    /** A key account in {@code zone} nobody spoke to from 6 Jan 2025 until {@code connected}: neglected by April. */
    private static AccountHistory neglectedUntil(Instant connected, String zone) {
        return AccountHistory.of("Acme").in(zone).tier(KEY).opened(at("2025-01-06T12:00", zone)).connected(connected);
    }

    static Stream<Arguments> whoIsDueACallInTheAccountsOwnDay() {
        return Stream.of(
                // what, the account's history, the day of the list, the occasion it is listed for (null: not listed)
                arguments("Auckland, call due 09:00 on the 16th (21:00 UTC on the 15th), list of the 16th",
                        callDueAt("2025-04-16T09:00", AUCKLAND), "2025-04-16", VOICEMAIL_FOLLOW_UP),
                arguments("Auckland, call due 09:00 on the 16th (21:00 UTC on the 15th), list of the 15th",
                        callDueAt("2025-04-16T09:00", AUCKLAND), "2025-04-15", null),
                arguments("Auckland, call due 08:00 on the 17th (20:00 UTC on the 16th), list of the 16th",
                        callDueAt("2025-04-17T08:00", AUCKLAND), "2025-04-16", null),
                arguments("Los Angeles, call due 20:00 on the 16th (03:00 UTC on the 17th), list of the 16th",
                        callDueAt("2025-04-16T20:00", LOS_ANGELES), "2025-04-16", VOICEMAIL_FOLLOW_UP),
                arguments("Los Angeles, call due 23:59 on the 16th (06:59 UTC on the 17th), list of the 16th",
                        callDueAt("2025-04-16T23:59", LOS_ANGELES), "2025-04-16", VOICEMAIL_FOLLOW_UP),
                arguments("Paris, call due 23:30 on 30 Mar, the day clocks go forward (21:30 UTC), list of the 30th",
                        callDueAt("2025-03-30T23:30", PARIS), "2025-03-30", VOICEMAIL_FOLLOW_UP),
                arguments("Paris, call due 00:30 on 31 Mar (22:30 UTC, 23:30 on the 30th by winter time), list of the 30th",
                        callDueAt("2025-03-31T00:30", PARIS), "2025-03-30", null),
                arguments("Paris, call due 00:30 on 31 Mar (22:30 UTC on the 30th), list of the 31st",
                        callDueAt("2025-03-31T00:30", PARIS), "2025-03-31", VOICEMAIL_FOLLOW_UP),
                arguments("Paris, call due 23:30 on 26 Oct, the day clocks go back (22:30 UTC, 00:30 on the 27th by "
                        + "summer time), list of the 26th", callDueAt("2025-10-26T23:30", PARIS), "2025-10-26",
                        VOICEMAIL_FOLLOW_UP),
                arguments("Paris, call due 00:30 on 27 Oct (23:30 UTC on the 26th), list of the 26th",
                        callDueAt("2025-10-27T00:30", PARIS), "2025-10-26", null),
                arguments("Los Angeles, spoken to 22:00 on the 13th (05:00 UTC on the 14th): not in the last 3 days "
                        + "of the 16th", spokenToThenCallDueAt(at("2025-04-13T22:00", LOS_ANGELES), "2025-04-16T12:00",
                        LOS_ANGELES), "2025-04-16", VOICEMAIL_FOLLOW_UP),
                arguments("Auckland, spoken to 01:00 on the 14th (13:00 UTC on the 13th): in the last 3 days of the 16th",
                        spokenToThenCallDueAt(at("2025-04-14T01:00", AUCKLAND), "2025-04-16T12:00", AUCKLAND),
                        "2025-04-16", null),
                arguments("Los Angeles, strategic, spoken to 20:00 on the 9th (03:00 UTC on the 10th): a week before "
                        + "the 16th", strategicSpokenTo(at("2025-04-09T20:00", LOS_ANGELES), LOS_ANGELES), "2025-04-16",
                        WEEKLY_CHECK_IN),
                arguments("Auckland, strategic, spoken to 07:00 on the 10th (19:00 UTC on the 9th): 6 days before the 16th",
                        strategicSpokenTo(at("2025-04-10T07:00", AUCKLAND), AUCKLAND), "2025-04-16", null),
                arguments("Auckland, lost 10:00 on 17 Jan (22:00 UTC on the 16th): 89 days before 16 Apr",
                        lostAt(at("2025-01-17T10:00", AUCKLAND), AUCKLAND), "2025-04-16", LOST_WITHOUT_INTERVIEW),
                arguments("Los Angeles, lost 20:00 on 16 Jan (04:00 UTC on the 17th): 90 days before 16 Apr",
                        lostAt(at("2025-01-16T20:00", LOS_ANGELES), LOS_ANGELES), "2025-04-16", null),
                arguments("Los Angeles, neglected, spoken to 22:00 on the 16th (05:00 UTC on the 17th), list of the 16th",
                        neglectedUntil(at("2025-04-16T22:00", LOS_ANGELES), LOS_ANGELES), "2025-04-16", null),
                arguments("Auckland, neglected, spoken to 08:00 on the 17th (20:00 UTC on the 16th), list of the 16th",
                        neglectedUntil(at("2025-04-17T08:00", AUCKLAND), AUCKLAND), "2025-04-16", SLIPPING));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource
    void whoIsDueACallInTheAccountsOwnDay(String what, AccountHistory account, String date, Occasion expected) {
        CallList list = alicesListOn(date, account);

        if (expected == null) {
            assertThat(list.items()).isEmpty();
        } else {
            assertThat(onlyItem(list).kind()).isEqualTo(expected);
        }
    }

    @Test
    void theReasonsWriteDatesAsTheAccountsClockShowsThem() {
        Instant voicemail = at("2025-04-11T08:00", AUCKLAND);
        AccountHistory planned = AccountHistory.of("Acme").in(AUCKLAND).tier(CORE).opened(at("2025-03-20T12:00", AUCKLAND))
                .connected(at("2025-04-06T12:00", AUCKLAND)).voicemail(voicemail)
                .callPlanned("again", at("2025-04-16T09:00", AUCKLAND), voicemail);

        assertThat(onlyItem(alicesListOn("2025-04-16", planned)).reason())
                .isEqualTo("Voicemail on 11 Apr 2025: call again as planned (due 16 Apr 2025)");
        assertThat(onlyItem(alicesListOn("2025-04-15", lostAt(at("2025-01-16T20:00", LOS_ANGELES), LOS_ANGELES))).reason())
                .isEqualTo("Lost on 16 Jan 2025 (price, to Globex), 89 days ago; no exit interview yet");
    }

    @Test
    void eachItemNamesTheZoneItsDayIsReckonedIn() {
        CallList list = CallLists.of(RANKING, "alice", LocalDate.parse("2025-04-16"), histories(
                AccountHistory.of("Initech").in(AUCKLAND).tier(KEY), AccountHistory.of("Globex").in(LOS_ANGELES).tier(KEY)),
                10);

        assertThat(list.items()).extracting(CallList.Item::name, CallList.Item::timezone)
                .containsExactlyInAnyOrder(tuple("Initech", AUCKLAND), tuple("Globex", LOS_ANGELES));
    }

    @Test
    void aMoveCountsFromTheDayItWasMadeOnInTheZoneItReplaced() {
        // 01:00 on the 17th in Auckland, still 06:00 on the 16th in Los Angeles
        AccountHistory toLosAngeles = AccountHistory.of("Acme").in(AUCKLAND).tier(KEY)
                .movedTo(LOS_ANGELES, at("2025-04-17T01:00", AUCKLAND));
        // 22:00 on the 16th in Los Angeles, already 17:00 on the 17th in Auckland
        AccountHistory toAuckland = AccountHistory.of("Acme").in(LOS_ANGELES).tier(KEY)
                .movedTo(AUCKLAND, at("2025-04-16T22:00", LOS_ANGELES));

        assertThat(onlyItem(alicesListOn("2025-04-16", toLosAngeles)).timezone()).isEqualTo(AUCKLAND);
        assertThat(onlyItem(alicesListOn("2025-04-17", toLosAngeles)).timezone()).isEqualTo(LOS_ANGELES);
        assertThat(onlyItem(alicesListOn("2025-04-15", toAuckland)).timezone()).isEqualTo(LOS_ANGELES);
        assertThat(onlyItem(alicesListOn("2025-04-16", toAuckland)).timezone()).isEqualTo(AUCKLAND);
    }

    @Test
    void anAccountInAZoneThisServiceDoesNotKnowIsJudgedInUtc() {
        AccountHistory unknown = callDueAt("2025-04-16T23:30", "UTC").in("Mars/Olympus_Mons");

        CallList.Item item = onlyItem(alicesListOn("2025-04-16", unknown));

        assertThat(item).extracting(CallList.Item::kind, CallList.Item::timezone)
                .containsExactly(VOICEMAIL_FOLLOW_UP, "UTC");
    }
}
