package com.rapport.insights.health;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;
import com.rapport.insights.account.AccountState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One line a sales leader reads for each event that can move an account's health. The end of a need
 * quotes the need, which the account's state still holds just before it.
 */
final class EventSummaries {

    private static final int QUOTE = 60;

    private EventSummaries() {
    }

    /** @param before the account as it stood just before the event */
    static String of(AccountEvent event, AccountState before) {
        if (event instanceof ContactLogged e) {
            return capitalised(words(e.channel().name())) + " by " + e.staffId() + " (" + words(e.staffRole().name())
                    + "): " + words(e.outcome().name());
        }
        if (event instanceof PitchMade e) {
            return e.staffId() + " pitched " + e.offering() + (e.faceToFace() ? " face to face" : " remotely");
        }
        if (event instanceof FeedbackReceived e) {
            return feedback(e);
        }
        if (event instanceof UnmetNeedRaised e) {
            return "Unmet need raised: " + shortened(e.description());
        }
        if (event instanceof UnmetNeedAddressed e) {
            return "Need addressed" + need(e.needId(), before);
        }
        if (event instanceof UnmetNeedDeclined e) {
            return "Need declined" + need(e.needId(), before);
        }
        if (event instanceof UnmetNeedLostToCompetitor e) {
            return "Need lost to " + e.competitor() + need(e.needId(), before);
        }
        if (event instanceof CompetitorSighted e) {
            return "Competitor sighted: " + e.competitor();
        }
        if (event instanceof AccountProfileChanged e) {
            return profile(e);
        }
        if (event instanceof AccountWonBack) {
            return "Account won back";
        }
        // any other event says what happened in its type's name: AccountLost as "Account lost"
        return capitalised(words(event.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", "_")));
    }

    private static String feedback(FeedbackReceived e) {
        List<String> parts = new ArrayList<>();
        if (e.npsScore() != null) {
            parts.add("NPS " + e.npsScore());
        }
        if (e.doingWrong() != null && !e.doingWrong().isBlank()) {
            parts.add("complaint \u201c" + shortened(e.doingWrong()) + "\u201d");
        }
        return parts.isEmpty() ? "Feedback received" : "Feedback: " + String.join("; ", parts);
    }

    private static String profile(AccountProfileChanged e) {
        List<String> parts = new ArrayList<>();
        if (e.tier() != null) {
            parts.add("now " + words(e.tier().name()) + " tier");
        }
        if (e.cadenceDays() != null) {
            parts.add("contact every " + e.cadenceDays() + " days");
        }
        return parts.isEmpty() ? "Profile changed" : "Profile changed: " + String.join(", ", parts);
    }

    private static String need(UUID needId, AccountState before) {
        return before.openNeeds().stream()
                .filter(need -> need.needId().equals(needId))
                .findFirst()
                .map(need -> ": " + shortened(need.description()))
                .orElse("");
    }

    /** SITE_VISIT -> site visit */
    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String shortened(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= QUOTE ? line : line.substring(0, QUOTE - 1) + "\u2026";
    }
}
