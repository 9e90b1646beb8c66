package com.rapport.outreach.timeline;

import com.rapport.events.AccountEvent;
import com.rapport.events.PublishedLanguage;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.account.LossReason;
import com.rapport.events.insights.HealthBandChanged;
import com.rapport.events.insights.NeglectFlagCleared;
import com.rapport.events.insights.NeglectFlagRaised;
import com.rapport.events.insights.RiskSignalCleared;
import com.rapport.events.insights.RiskSignalRaised;
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
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.PitchOutcomeRecorded;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * One line a person can read for each event of an account's story. Later steps of a lifecycle
 * quote what they follow: the pitch's offering, the need's description, the call's purpose.
 */
final class Summaries {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int QUOTE = 80;

    private final Map<Class<?>, BiFunction<AccountEvent, String, String>> byType = new HashMap<>();

    Summaries() {
        on(AccountOpened.class, (e, subject) -> "Account opened: " + e.name() + ", " + words(e.tier().name())
                + " tier, worth " + money(e.annualValue(), e.currency()) + " a year, owned by " + e.ownerId());
        on(AccountProfileChanged.class, (e, subject) -> "Profile changed: " + profileChanges(e));
        on(AccountOwnerAssigned.class, (e, subject) -> "Owner changed from " + e.previousOwnerId() + " to " + e.ownerId());
        on(AccountLost.class, (e, subject) -> "Account lost: " + reason(e.reason())
                + (e.competitor() == null ? "" : ", to " + e.competitor()) + quoted(e.note()));
        on(AccountWonBack.class, (e, subject) -> "Account won back");
        on(ContactLogged.class, (e, subject) -> contact(e));
        on(PitchMade.class, (e, subject) -> e.staffId() + " pitched " + e.offering()
                + (e.faceToFace() ? " face to face" : " remotely"));
        on(PitchOutcomeRecorded.class, (e, subject) -> "Pitch" + of(subject) + ": " + words(e.outcome().name()));
        on(FeedbackReceived.class, (e, subject) -> feedback(e));
        on(UnmetNeedRaised.class, (e, subject) -> "Unmet need raised (" + e.category() + "): " + shortened(e.description())
                + (e.discoveredVia() == null ? "" : ", found through " + e.discoveredVia()));
        on(UnmetNeedAddressed.class, (e, subject) -> "Need" + of(subject) + " addressed: " + shortened(e.how()));
        on(UnmetNeedDeclined.class, (e, subject) -> "Need" + of(subject) + " declined: " + shortened(e.why()));
        on(UnmetNeedLostToCompetitor.class, (e, subject) -> "Need" + of(subject) + " lost to " + e.competitor());
        on(CompetitorSighted.class, (e, subject) -> "Competitor sighted: " + e.competitor() + quoted(e.note()));
        on(LostClientInterviewRecorded.class, (e, subject) -> interview(e));
        on(CallScheduled.class, (e, subject) -> "Call planned for " + WHEN.format(e.dueAt()) + " by " + e.staffId()
                + ": " + shortened(e.purpose()));
        on(CallRescheduled.class, (e, subject) -> "Call" + of(subject) + " moved to " + WHEN.format(e.dueAt())
                + ": " + shortened(e.why()));
        on(CallCompleted.class, (e, subject) -> "Planned call" + of(subject) + " made");
        on(CallMissed.class, (e, subject) -> "Planned call" + of(subject) + " missed");
        on(HealthBandChanged.class, (e, subject) -> (e.fromBand() == null
                ? "Health assessed as " + words(e.toBand().name())
                : "Health moved from " + words(e.fromBand().name()) + " to " + words(e.toBand().name()))
                + " (score " + e.score() + ")" + (e.reasons().isEmpty() ? "" : ": " + e.reasons().get(0)));
        on(NeglectFlagRaised.class, (e, subject) -> "Flagged as neglected: no two-way contact in " + e.daysSinceContact()
                + " days; cadence is " + e.cadenceDays());
        on(NeglectFlagCleared.class, (e, subject) -> "No longer neglected");
        on(RiskSignalRaised.class, (e, subject) -> "Risk signal: " + e.reason());
        on(RiskSignalCleared.class, (e, subject) -> "Risk signal cleared: " + spaced(e.signal()));
    }

    /** @param subject the label of what the event follows up on, if anything, e.g. the pitch's offering */
    String of(AccountEvent event, String subject) {
        BiFunction<AccountEvent, String, String> summary = byType.get(event.getClass());
        if (summary != null) {
            return summary.apply(event, subject);
        }
        return PublishedLanguage.describe(event.getClass()).map(type -> type.name()).orElse(event.getClass().getSimpleName());
    }

    private <E extends AccountEvent> void on(Class<E> type, BiFunction<E, String, String> summary) {
        byType.put(type, (event, subject) -> summary.apply(type.cast(event), subject));
    }

    private static String contact(ContactLogged e) {
        String verb = switch (e.channel()) {
            case CALL -> "called";
            case VIDEO -> "had a video call with";
            case MEETING -> "met";
            case SITE_VISIT -> "visited";
            case EMAIL -> "emailed";
            case EVENT -> "met at an event";
        };
        String who = e.direction() == Direction.OUTBOUND
                ? e.staffId() + " (" + words(e.staffRole().name()) + ") " + verb + " the client"
                : "The client " + inboundVerb(e.channel()) + " " + e.staffId() + " (" + words(e.staffRole().name()) + ")";
        String result = switch (e.outcome()) {
            case CONNECTED -> "";
            case VOICEMAIL -> "; left a voicemail";
            case NO_ANSWER -> "; no answer";
        };
        String agenda = e.outcome() == ContactOutcome.CONNECTED ? " — " + words(e.agenda().name()) : "";
        return who + result + agenda + duration(e.durationMinutes()) + quoted(e.note());
    }

    /** Contacts logged before revision 2, and many since, did not note how long they took. */
    private static String duration(Integer minutes) {
        return minutes == null ? "" : " (" + minutes + (minutes == 1 ? " minute)" : " minutes)");
    }

    private static String inboundVerb(Channel channel) {
        return switch (channel) {
            case CALL -> "called";
            case VIDEO -> "had a video call with";
            case EMAIL -> "emailed";
            case MEETING, SITE_VISIT, EVENT -> "met";
        };
    }

    private static String feedback(FeedbackReceived e) {
        List<String> parts = new ArrayList<>();
        if (e.npsScore() != null) {
            parts.add("NPS " + e.npsScore() + " (" + (e.npsScore() >= 9 ? "promoter" : e.npsScore() >= 7 ? "passive" : "detractor") + ")");
        }
        if (e.doingRight() != null) {
            parts.add("right: " + shortened(e.doingRight()));
        }
        if (e.doingWrong() != null) {
            parts.add("wrong: " + shortened(e.doingWrong()));
        }
        if (e.couldImprove() != null) {
            parts.add("improve: " + shortened(e.couldImprove()));
        }
        return "Feedback by " + words(e.source().name()) + ": " + String.join("; ", parts);
    }

    private static String interview(LostClientInterviewRecorded e) {
        String others = e.otherReasons().isEmpty() ? ""
                : " (also " + e.otherReasons().stream().map(Summaries::reason).collect(Collectors.joining(", ")) + ")";
        return "Exit interview: left over " + reason(e.primaryReason()) + others
                + (e.competitor() == null ? "" : ", to " + e.competitor())
                + "; win-back chance " + words(e.winBackChance().name())
                + (e.whatWeCouldHaveDone() == null ? "" : "; we could have: " + shortened(e.whatWeCouldHaveDone()));
    }

    private static String profileChanges(AccountProfileChanged e) {
        List<String> changes = new ArrayList<>();
        if (e.name() != null) {
            changes.add("name now " + e.name());
        }
        if (e.tier() != null) {
            changes.add("tier now " + words(e.tier().name()));
        }
        if (e.annualValue() != null) {
            changes.add("annual value now " + e.annualValue().stripTrailingZeros().toPlainString());
        }
        if (e.timezone() != null) {
            changes.add("time zone now " + e.timezone());
        }
        if (e.cadenceDays() != null) {
            changes.add("contact every " + e.cadenceDays() + " days");
        }
        return String.join(", ", changes);
    }

    private static String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMaximumFractionDigits(2);
        return currency + " " + format.format(amount);
    }

    private static String reason(LossReason reason) {
        return words(reason.name());
    }

    /** STRATEGIC -> strategic, LONG_TAIL -> long tail, COMPETITOR_OFFER -> competitor offer */
    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A signal's key in words: topAccountOverdue as "top account overdue". */
    private static String spaced(String key) {
        return key.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }

    private static String of(String subject) {
        return subject == null ? "" : " of " + subject;
    }

    private static String quoted(String note) {
        return note == null || note.isBlank() ? "" : ": \u201c" + shortened(note) + "\u201d";
    }

    static String shortened(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= QUOTE ? line : line.substring(0, QUOTE - 1) + "\u2026";
    }
}
