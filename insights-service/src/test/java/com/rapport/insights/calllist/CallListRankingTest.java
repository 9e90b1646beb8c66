package com.rapport.insights.calllist;

import com.rapport.events.insights.HealthBand;
import com.rapport.insights.AccountHistory;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.rapport.events.account.LossReason.PRICE;
import static com.rapport.events.account.Tier.CORE;
import static com.rapport.events.account.Tier.KEY;
import static com.rapport.events.account.Tier.STRATEGIC;
import static com.rapport.events.outreach.WinBackChance.LOW;
import static com.rapport.insights.AccountHistory.date;
import static com.rapport.insights.AccountHistory.day;
import static com.rapport.insights.AccountHistory.histories;
import static com.rapport.insights.calllist.Occasion.ABOUT_TO_SLIP;
import static com.rapport.insights.calllist.Occasion.LOST_WITHOUT_INTERVIEW;
import static com.rapport.insights.calllist.Occasion.RE_PITCH;
import static com.rapport.insights.calllist.Occasion.SLIPPING;
import static com.rapport.insights.calllist.Occasion.VOICEMAIL_FOLLOW_UP;
import static com.rapport.insights.calllist.Occasion.WEEKLY_CHECK_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Who an owner should call on a day, and why: the call list of histories built in code, under the default policy. */
class CallListRankingTest {

    private static final HealthPolicy POLICY = HealthPolicy.defaults();
    private static final CallListRanking RANKING = new CallListRanking(POLICY, CallListRules.defaults());

    /** Alice's list on day {@code n}, at most 10 long. */
    private static CallList alicesListOn(long n, AccountHistory... accounts) {
        return listOf("alice", n, accounts);
    }

    private static CallList listOf(String owner, long n, AccountHistory... accounts) {
        return CallLists.of(RANKING, owner, date(n), histories(accounts), 10);
    }

    private static CallList.Item onlyItem(CallList list) {
        assertThat(list.items()).hasSize(1);
        return list.items().get(0);
    }

    /** The account's assessment at the end of day {@code n} in its own zone, as the list should report it. */
    private static Assessment assessedAtTheEndOf(long n, AccountHistory account) {
        Instant endOfDay = date(n).plusDays(1).atStartOfDay(account.zone()).toInstant().minusSeconds(1);
        return HealthModel.assess(account.events(), endOfDay, POLICY).orElseThrow();
    }

    /** A core account, opened on day 0, that we spoke to on day 90: nothing to call about on day 100. */
    private static AccountHistory quietCoreAccount() {
        return AccountHistory.of("Acme").tier(CORE).connected(day(90));
    }

    static Stream<Arguments> whoIsDueACallOnDay100AndWhy() {
        return Stream.of(
                // what, the account's history, the occasion it is listed for (null: not listed)
                arguments("a core account spoken to 10 days ago", quietCoreAccount(), null),
                arguments("a key account nobody has spoken to since it opened", AccountHistory.of("Acme").tier(KEY), SLIPPING),
                arguments("a strategic account spoken to 8 days ago",
                        AccountHistory.of("Acme").tier(STRATEGIC).connected(day(92)), WEEKLY_CHECK_IN),
                arguments("a strategic account spoken to 7 days ago",
                        AccountHistory.of("Acme").tier(STRATEGIC).connected(day(93)), WEEKLY_CHECK_IN),
                // neglected 11 days after a call: left to the check-in that comes first
                arguments("a strategic account spoken to 6 days ago",
                        AccountHistory.of("Acme").tier(STRATEGIC).connected(day(94)), null),
                arguments("a strategic account spoken to 4 days ago whose need passes its grace tomorrow",
                        AccountHistory.of("Acme").tier(STRATEGIC).need("sso", "Single sign-on", day(65))
                                .connected(day(96)),
                        ABOUT_TO_SLIP),
                arguments("a core account spoken to 130 days ago: neglected in 6 days",
                        AccountHistory.of("Acme").tier(CORE).opened(day(-40)).connected(day(-30)), ABOUT_TO_SLIP),
                arguments("a core account spoken to 128 days ago: neglected in 8 days, after the week",
                        AccountHistory.of("Acme").tier(CORE).opened(day(-40)).connected(day(-28)), null),
                arguments("a strategic account spoken to 2 days ago",
                        AccountHistory.of("Acme").tier(STRATEGIC).connected(day(98)), null),
                arguments("a strategic account opened 8 days ago, not spoken to yet",
                        AccountHistory.of("Acme").tier(STRATEGIC).opened(day(92)), WEEKLY_CHECK_IN),
                arguments("a strategic account opened 6 days ago, not spoken to yet",
                        AccountHistory.of("Acme").tier(STRATEGIC).opened(day(94)), null),
                arguments("a key account among the owner's 3 most valuable, spoken to 8 days ago",
                        AccountHistory.of("Acme").tier(KEY).connected(day(92)), WEEKLY_CHECK_IN),
                arguments("lost 10 days ago, not interviewed", quietCoreAccount()
                        .lost(PRICE, "Globex", day(90)), LOST_WITHOUT_INTERVIEW),
                arguments("lost 10 days ago, interviewed", quietCoreAccount().lost(PRICE, "Globex", day(90))
                        .interviewed(PRICE, "Globex", LOW, day(95)), null),
                arguments("lost yesterday, just after we spoke",
                        quietCoreAccount().connected(day(99)).lost(PRICE, "Globex", day(99)
                                .plusSeconds(3600)), LOST_WITHOUT_INTERVIEW),
                arguments("lost 89 days ago", AccountHistory.of("Acme").tier(CORE).connected(day(5))
                        .lost(PRICE, "Globex", day(11)),
                        LOST_WITHOUT_INTERVIEW),
                arguments("lost 90 days ago", AccountHistory.of("Acme").tier(CORE).connected(day(5))
                        .lost(PRICE, "Globex", day(10)), null),
                arguments("lost, interviewed, won back and lost again",
                        quietCoreAccount().lost(PRICE, "Globex", day(92)).interviewed(PRICE, "Globex", LOW, day(93))
                                .wonBack(day(94)).lost(PRICE, "Globex", day(95)),
                        LOST_WITHOUT_INTERVIEW),
                arguments("lost and won back", AccountHistory.of("Acme").tier(CORE).lost(PRICE, "Globex", day(80))
                        .wonBack(day(85))
                        .connected(day(90)), null),
                // winning a client back is talking with them, for the check-in as for the health model
                arguments("a strategic account won back 6 days ago, not spoken to since",
                        AccountHistory.of("Acme").tier(STRATEGIC).connected(day(40)).lost(PRICE, "Globex", day(60))
                                .wonBack(day(94)), null),
                arguments("a strategic account won back 8 days ago, not spoken to since",
                        AccountHistory.of("Acme").tier(STRATEGIC).connected(day(40)).lost(PRICE, "Globex", day(60))
                                .wonBack(day(92)),
                        WEEKLY_CHECK_IN),
                arguments("a voicemail, and the call planned after it due today",
                        quietCoreAccount().voicemail(day(95)).callPlanned("again", day(100), day(95)), VOICEMAIL_FOLLOW_UP),
                arguments("no answer, and the call planned after it overdue",
                        quietCoreAccount().noAnswer(day(95)).callPlanned("again", day(97), day(95)), VOICEMAIL_FOLLOW_UP),
                arguments("a voicemail, and the call planned for tomorrow",
                        quietCoreAccount().voicemail(day(95)).callPlanned("again", day(101), day(95)), null),
                arguments("a voicemail, and the call moved to today",
                        quietCoreAccount().voicemail(day(95)).callPlanned("again", day(98), day(95))
                                .callRescheduled("again", day(100), day(97)), VOICEMAIL_FOLLOW_UP),
                arguments("a voicemail, and the call moved to next week",
                        quietCoreAccount().voicemail(day(95)).callPlanned("again", day(98), day(95))
                                .callRescheduled("again", day(107), day(97)), null),
                arguments("a voicemail, and the call planned after it made",
                        quietCoreAccount().voicemail(day(95)).callPlanned("again", day(97), day(95))
                                .callCompleted("again", day(97)), null),
                arguments("a voicemail, and the call planned after it missed",
                        quietCoreAccount().voicemail(day(95)).callPlanned("again", day(97), day(95))
                                .callMissed("again", day(98)), null),
                arguments("a voicemail, then they called back",
                        quietCoreAccount().voicemail(day(95)).callPlanned("again", day(97), day(95)).connected(day(96)),
                        null),
                arguments("a call due after a voicemail, but we spoke 2 days ago",
                        quietCoreAccount().connected(day(98)).voicemail(day(99)).callPlanned("again", day(100), day(99)),
                        null),
                arguments("not pitched in the 200 days since opening",
                        AccountHistory.of("Acme").tier(CORE).opened(day(-100)).connected(day(90)), RE_PITCH),
                arguments("pitched 20 days ago",
                        AccountHistory.of("Acme").tier(CORE).opened(day(-100)).pitch(true, day(80))
                                .connected(day(90)), null));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource
    void whoIsDueACallOnDay100AndWhy(String what, AccountHistory account, Occasion expected) {
        CallList list = alicesListOn(100, account);

        if (expected == null) {
            assertThat(list.items()).isEmpty();
        } else {
            assertThat(onlyItem(list).kind()).isEqualTo(expected);
        }
    }

    @Test
    void aNeglectedValuableAccountOutranksANeglectedSmallOne() {
        AccountHistory small = AccountHistory.of("Small").worth(50_000);
        AccountHistory valuable = AccountHistory.of("Valuable").worth(900_000);

        CallList list = alicesListOn(100, small, valuable);

        assertThat(list.items()).extracting(CallList.Item::name, CallList.Item::kind, CallList.Item::neglected)
                .containsExactly(tuple("Valuable", SLIPPING, true), tuple("Small", SLIPPING, true));
        assertThat(list.items().get(0).priority()).isGreaterThan(list.items().get(1).priority());
    }

    @Test
    void aSlippingAccountComesWithItsReasonsAndACheckInThatBringsUpWhatWentWrong() {
        AccountHistory slipping = AccountHistory.of("Initech").tier(CORE)
                .connected(day(150)).connected(day(170)).connected(day(180))
                .complaint("Invoices arrive late and wrong", day(185))
                .need("currency", "Reporting in their own currency", day(200))
                .competitor("Globex", day(250)).competitor("Initrode", day(260)).competitor("Globex", day(280));
        Assessment health = assessedAtTheEndOf(300, slipping);
        assertThat(health.band()).isEqualTo(HealthBand.AT_RISK);
        assertThat(health.neglected()).isFalse();

        CallList.Item item = onlyItem(alicesListOn(300, slipping));

        assertThat(item.kind()).isEqualTo(SLIPPING);
        assertThat(item).extracting(CallList.Item::score, CallList.Item::band, CallList.Item::neglected)
                .containsExactly(health.score(), HealthBand.AT_RISK, false);
        assertThat(item.reason()).isEqualTo("At risk (score " + health.score() + "): "
                + String.join(". ", health.topReasons(3)) + ". Risk signals: an unhappy client's complaint unanswered,"
                + " a competitor sighted, a need open too long. Also due: a re-pitch");
        assertThat(item.signals()).containsExactly("detractorComplaint", "competitorSighted", "needPastGrace");
        assertThat(item.agenda()).isEqualTo(CallListRanking.CHECK_IN
                + ". Address the unanswered complaint: \u201cInvoices arrive late and wrong\u201d"
                + ". Talk through the open unmet need: \u201cReporting in their own currency\u201d"
                + ". Ask about the competitors seen around them: Globex, Initrode");
    }

    @Test
    void anAccountAboutToSlipIsListedWithItsRunwayBeforeTheFlagComes() {
        CallList.Item item = onlyItem(alicesListOn(100, AccountHistory.of("Acme").tier(CORE).connected(day(90))
                .need("currency", "Reporting in their own currency", day(69))));

        assertThat(item.kind()).isEqualTo(ABOUT_TO_SLIP);
        assertThat(item.reason()).isEqualTo("Flagged in 5 days if nothing happens: a need open too long");
        assertThat(item.runwayDays()).isEqualTo(5);
        assertThat(item.signals()).isEmpty();
        assertThat(item.agenda()).isEqualTo(CallListRanking.CHECK_IN);
    }

    @Test
    void aNeglectedAccountSaysSoAndGetsTheNoAgendaCheckIn() {
        CallList.Item item = onlyItem(alicesListOn(60, AccountHistory.of("Acme").tier(CORE).connected(day(-100))
                .opened(day(-120))));

        assertThat(item.neglected()).isTrue();
        assertThat(item.reason()).startsWith("Neglected (score " + item.score() + "): No two-way contact in 160 days; cadence is 90");
        assertThat(item.runwayDays()).as("flagged already").isZero();
        assertThat(item.agenda()).isEqualTo(CallListRanking.CHECK_IN);
    }

    @Test
    void aStrategicAccountNotSpokenToThisWeekGetsTheWeeklyCheckIn() {
        CallList.Item item = onlyItem(alicesListOn(100, AccountHistory.of("Acme").tier(STRATEGIC).connected(day(92))));

        assertThat(item.reason()).isEqualTo("Strategic account, last two-way contact 8 days ago: due its weekly check-in."
                + " Also due: it is about to slip (flagged in 3 days if nothing happens: neglected)");
        assertThat(item.runwayDays()).isEqualTo(3);
        assertThat(item.agenda())
                .isEqualTo("One top client a week: ask what we do right, what we do wrong, how we can improve");
    }

    @Test
    void aKeyAccountGetsTheWeeklyCheckInOnlyAmongTheOwnersMostValuable() {
        List<AccountHistory> moreValuable = IntStream.rangeClosed(1, 3)
                .mapToObj(n -> AccountHistory.of("Core " + n).tier(CORE).worth(500_000).connected(day(90)))
                .toList();
        AccountHistory key = AccountHistory.of("Key").tier(KEY).worth(100_000).connected(day(92));
        List<AccountHistory> accounts = new ArrayList<>(moreValuable);
        accounts.add(key);

        CallList fourth = CallLists.of(RANKING, "alice", date(100), accounts.stream().map(AccountHistory::events), 10);
        CallList amongTheTopFour = CallLists.of(new CallListRanking(POLICY, new CallListRules(3, 7, 4, 90, 7)),
                "alice", date(100), accounts.stream().map(AccountHistory::events), 10);

        assertThat(fourth.items()).isEmpty();
        assertThat(onlyItem(amongTheTopFour).reason())
                .isEqualTo("Key account, one of your 4 most valuable, last two-way contact 8 days ago: due its weekly check-in");
    }

    @Test
    void aLostAccountWithoutAnInterviewGetsTheInterview() {
        CallList.Item item = onlyItem(alicesListOn(100, quietCoreAccount().lost(PRICE, "Globex", day(90))));

        assertThat(item.reason()).isEqualTo("Lost on 6 Apr 2025 (price, to Globex), 10 days ago; no exit interview yet");
        assertThat(item.agenda()).isEqualTo("Call the client we lost and learn why: what could we have done?");
    }

    @Test
    void aVoicemailIsFollowedByTheCallPlannedAfterIt() {
        CallList.Item item = onlyItem(alicesListOn(100,
                quietCoreAccount().voicemail(day(95)).callPlanned("again", day(97), day(95))));

        assertThat(item.reason()).isEqualTo("Voicemail on 11 Apr 2025: call again as planned (due 13 Apr 2025)");
        assertThat(item.agenda()).isEqualTo("Call again as planned: Go through the renewal");
    }

    @Test
    void anAccountIsListedOnceForItsWeightiestOccasionWithTheOthersNoted() {
        CallList.Item item = onlyItem(alicesListOn(200, AccountHistory.of("Acme").tier(STRATEGIC)));

        assertThat(item.kind()).isEqualTo(SLIPPING);
        assertThat(item.reason()).endsWith(". Also due: the weekly top-client check-in, a re-pitch");
    }

    @Test
    void theAccountsOfAnotherOwnerNeverAppear() {
        AccountHistory alices = AccountHistory.of("Alice's").ownedBy("alice");
        AccountHistory bobs = AccountHistory.of("Bob's").ownedBy("bob").worth(5_000_000);

        assertThat(listOf("alice", 100, alices, bobs).items()).extracting(CallList.Item::name).containsExactly("Alice's");
        assertThat(listOf("bob", 100, alices, bobs).items()).extracting(CallList.Item::name).containsExactly("Bob's");
    }

    @Test
    void theAccountIsOnTheListOfWhoeverOwnedItOnTheDay() {
        AccountHistory handedOver = AccountHistory.of("Acme").ownedBy("alice").reassigned("bob", day(60));

        assertThat(listOf("alice", 59, handedOver).items()).hasSize(1);
        assertThat(listOf("bob", 59, handedOver).items()).isEmpty();
        assertThat(listOf("alice", 60, handedOver).items()).isEmpty();
        assertThat(listOf("bob", 60, handedOver).items()).hasSize(1);
    }

    @Test
    void theListHoldsAtMostSizeAccountsTheHighestPriorityFirst() {
        AccountHistory[] neglected = IntStream.rangeClosed(1, 12)
                .mapToObj(n -> AccountHistory.of("Account " + n).worth(10_000L * n))
                .toArray(AccountHistory[]::new);

        CallList list = CallLists.of(RANKING, "alice", date(100), histories(neglected), 5);

        assertThat(list.items()).extracting(CallList.Item::name)
                .containsExactly("Account 12", "Account 11", "Account 10", "Account 9", "Account 8");
    }

    @Test
    void aPastDayIsJudgedAsItStoodThen() {
        AccountHistory calledTheNextDay = AccountHistory.of("Acme").tier(KEY).connected(day(101));

        CallList.Item onDay100 = onlyItem(alicesListOn(100, calledTheNextDay));

        assertThat(onDay100).extracting(CallList.Item::kind, CallList.Item::neglected).containsExactly(SLIPPING, true);
        assertThat(onDay100.score()).isEqualTo(assessedAtTheEndOf(100, calledTheNextDay).score());
        assertThat(alicesListOn(101, calledTheNextDay).items()).isEmpty();
    }

    @Test
    void anAccountOpenedAfterTheDayIsNotOnItsList() {
        assertThat(alicesListOn(100, AccountHistory.of("Acme").opened(day(101))).items()).isEmpty();
    }

    @Test
    void anOwnerWithoutAccountsHasAnEmptyList() {
        CallList list = listOf("carol", 100, AccountHistory.of("Acme"));

        assertThat(list).isEqualTo(new CallList("carol", LocalDate.parse("2025-04-16"), List.of()));
    }

    @Test
    void anAccountFlaggedOnlyByASignalIsSlippingWithTheSignalsSentences() {
        AccountHistory sighted = AccountHistory.of("Hooli").tier(CORE).connected(day(90)).competitor("Globex", day(95));
        Assessment health = assessedAtTheEndOf(100, sighted);
        assertThat(health.band()).isIn(HealthBand.HEALTHY, HealthBand.WATCH);
        assertThat(health.neglected()).isFalse();

        CallList.Item item = onlyItem(alicesListOn(100, sighted));

        assertThat(item.kind()).isEqualTo(SLIPPING);
        assertThat(item.reason()).isEqualTo("Risk signal (score " + health.score() + "): Globex seen 5 days ago");
        assertThat(item.signals()).containsExactly("competitorSighted");
    }

    @Test
    void priorityIsTheOccasionsWeightRaisedByValueAndIllHealth() {
        AccountHistory largest = AccountHistory.of("Largest").tier(STRATEGIC).worth(400_000).connected(day(92));
        AccountHistory quarter = AccountHistory.of("Quarter").tier(KEY).worth(100_000);

        CallList list = alicesListOn(100, largest, quarter);

        CallList.Item slipping = list.items().stream().filter(item -> item.name().equals("Quarter")).findFirst().orElseThrow();
        CallList.Item weekly = list.items().stream().filter(item -> item.name().equals("Largest")).findFirst().orElseThrow();
        assertThat(slipping.priority()).isEqualTo(rounded(100 * (1 + 0.25) * (1 + (100 - slipping.score()) / 100.0)));
        assertThat(weekly.priority()).isEqualTo(rounded(40 * (1 + 1.0) * (1 + (100 - weekly.score()) / 100.0)));
    }

    @Test
    void aRePitchNeverOutranksASlippingAccount() {
        AccountHistory valuableToRePitch = AccountHistory.of("Re-pitch").tier(CORE).worth(10_000_000).opened(day(-300))
                .connected(day(90));
        AccountHistory smallAndNeglected = AccountHistory.of("Neglected").tier(CORE).worth(1_000).opened(day(-300));

        assertThat(alicesListOn(100, valuableToRePitch, smallAndNeglected).items())
                .extracting(CallList.Item::name, CallList.Item::kind)
                .containsExactly(tuple("Neglected", SLIPPING), tuple("Re-pitch", RE_PITCH));
    }

    @Test
    void howRecentAContactLeavesAnAccountAloneIsARule() {
        AccountHistory spokenToTwoDaysAgo = quietCoreAccount().connected(day(98)).voicemail(day(99))
                .callPlanned("again", day(100), day(99));
        CallListRanking evenAfterAConnect = new CallListRanking(POLICY, new CallListRules(0, 7, 3, 90, 7));

        assertThat(CallLists.of(evenAfterAConnect, "alice", date(100), histories(spokenToTwoDaysAgo), 10).items())
                .extracting(CallList.Item::kind)
                .containsExactly(VOICEMAIL_FOLLOW_UP);
    }

    private static double rounded(double priority) {
        return Math.round(priority * 10) / 10.0;
    }
}
