package com.rapport.insights.account;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.CallCompleted;
import com.rapport.events.outreach.CallMissed;
import com.rapport.events.outreach.CallRescheduled;
import com.rapport.events.outreach.CallScheduled;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.FeedbackSource;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.StaffRole;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;
import com.rapport.events.outreach.WinBackChance;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Generated histories of one account, as the store might hold them: an opening, then up to two years
 * of every kind of event (contacts of every outcome, pitches, feedback, needs and their ends,
 * competitors, profile and owner changes, losses and win-backs, interviews, planned calls), several
 * often at the same moment, recorded in an order of their own: each event arrives some time after it
 * happened, so that many arrive after events that happened later.
 */
final class GeneratedHistories {

    static final UUID ACCOUNT = UUID.fromString("a11ce000-0000-4000-8000-00000000000a");
    static final Instant OPENED = Instant.parse("2024-03-04T08:30:00Z");
    private static final int KINDS = 19;

    /** One event and how long after it happened it was recorded. */
    record Recorded(AccountEvent event, Duration late) {
    }

    private GeneratedHistories() {
    }

    /** The opening first, then the other events in the order they were recorded. */
    static Arbitrary<List<AccountEvent>> inRecordedOrder() {
        return events().list().ofMaxSize(45).map(GeneratedHistories::recordedOrder);
    }

    /** The same history in the order its events happened, those of one moment in the order they were recorded. */
    static List<AccountEvent> inOrderOfHappening(List<AccountEvent> recorded) {
        return recorded.stream().sorted(Comparator.comparing(AccountEvent::occurredAt)).toList();
    }

    private static List<AccountEvent> recordedOrder(List<Recorded> events) {
        List<AccountEvent> order = new ArrayList<>();
        order.add(new AccountOpened(ACCOUNT, "Acme", Tier.KEY, new BigDecimal("120000"), "EUR", "alice",
                "Europe/Paris", null, OPENED));
        events.stream()
                .sorted(Comparator.comparing(recorded -> recorded.event().occurredAt().plus(recorded.late())))
                .map(Recorded::event)
                .forEach(order::add);
        return order;
    }

    private static Arbitrary<Recorded> events() {
        // minutes after the opening, coarse enough that several events often share a moment
        Arbitrary<Long> at = Arbitraries.longs().between(1, 2L * 365 * 24 * 4).map(quarter -> quarter * 15);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, KINDS - 1);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 9);
        Arbitrary<Duration> late = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Duration.ZERO)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 60 * 24 * 60).map(Duration::ofMinutes)));
        return Combinators.combine(at, kind, pick, late)
                .as((minutes, type, choice, delay) -> new Recorded(event(type, choice, OPENED.plus(Duration.ofMinutes(minutes))), delay));
    }

    private static AccountEvent event(int type, int choice, Instant at) {
        UUID id = UUID.nameUUIDFromBytes((type + ":" + choice + ":" + at).getBytes());
        UUID need = new UUID(0x4eed, choice % 4);
        UUID call = new UUID(0xca11, choice % 3);
        String competitor = List.of("Globex", "Initech", "Umbrella").get(choice % 3);
        StaffRole role = choice % 4 == 0 ? StaffRole.EXECUTIVE : StaffRole.ACCOUNT_MANAGER;
        Channel channel = List.of(Channel.CALL, Channel.MEETING, Channel.EMAIL, Channel.SITE_VISIT).get(choice % 4);
        return switch (type) {
            case 0, 1, 2 -> new ContactLogged(id, ACCOUNT, channel, ContactOutcome.CONNECTED, Direction.OUTBOUND, "alice",
                    role, Agenda.CHECK_IN, null, null, at);
            case 3 -> new ContactLogged(id, ACCOUNT, Channel.CALL, choice % 2 == 0 ? ContactOutcome.VOICEMAIL
                    : ContactOutcome.NO_ANSWER, Direction.OUTBOUND, "alice", role, Agenda.CHECK_IN, null, null, at);
            case 4 -> new PitchMade(id, ACCOUNT, "backups", choice % 2 == 0, "alice", at);
            case 5 -> new FeedbackReceived(id, ACCOUNT, FeedbackSource.CALL, null,
                    choice % 3 == 0 ? "slow answers" : null, null, choice > 7 ? null : choice + 3, "alice", at);
            case 6 -> new UnmetNeedRaised(need, ACCOUNT, "need " + choice % 4, "reporting", "call", "alice", at);
            case 7 -> new UnmetNeedAddressed(need, ACCOUNT, "shipped", at);
            case 8 -> new UnmetNeedDeclined(need, ACCOUNT, "not ours", at);
            case 9 -> new UnmetNeedLostToCompetitor(need, ACCOUNT, competitor, at);
            case 10 -> new CompetitorSighted(id, ACCOUNT, competitor, null, "alice", at);
            case 11 -> new AccountProfileChanged(ACCOUNT, choice % 3 == 0 ? "Acme Group" : null,
                    choice % 3 == 1 ? List.of(Tier.values()).get(choice % 4) : null, null,
                    choice % 2 == 0 ? "America/New_York" : null, choice % 3 == 2 ? 10 + choice : null, at);
            case 12 -> new AccountOwnerAssigned(ACCOUNT, choice % 2 == 0 ? "bruno" : "alice", "alice", at);
            case 13 -> new AccountLost(ACCOUNT, LossReason.NEGLECT, choice % 2 == 0 ? competitor : null, null, at);
            case 14 -> new AccountWonBack(ACCOUNT, at);
            case 15 -> new LostClientInterviewRecorded(id, ACCOUNT, LossReason.PRICE, List.of(), null, null,
                    WinBackChance.LOW, "alice", at);
            case 16 -> new CallScheduled(call, ACCOUNT, "alice", at.plus(Duration.ofDays(choice)), "follow up", at);
            case 17 -> new CallRescheduled(call, ACCOUNT, at.plus(Duration.ofDays(choice + 1)), "busy", at);
            default -> choice % 2 == 0 ? new CallCompleted(call, ACCOUNT, id, at) : new CallMissed(call, ACCOUNT, at);
        };
    }
}
