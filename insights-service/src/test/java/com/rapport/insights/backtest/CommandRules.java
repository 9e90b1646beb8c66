package com.rapport.insights.backtest;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.PitchOutcomeRecorded;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules the command side enforces (DESIGN.md), checked on a whole history in the order it happened:
 * what the import would refuse. Stricter than the services where that costs nothing: a pitch's outcome and a
 * need's end also wait for a lost account to come back.
 */
final class CommandRules {

    private CommandRules() {
    }

    /** @return each broken rule, with the event that broke it; empty when the import would take every line */
    static List<String> brokenBy(List<AccountEvent> history, Instant now) {
        List<String> broken = new ArrayList<>();
        if (history.isEmpty() || !(history.get(0) instanceof AccountOpened opening)) {
            return List.of("the history does not begin with the opening");
        }
        UUID account = opening.accountId();
        Set<UUID> ids = new HashSet<>();
        Set<UUID> pitches = new HashSet<>();
        Set<UUID> answered = new HashSet<>();
        Set<UUID> openNeeds = new HashSet<>();
        Set<UUID> endedNeeds = new HashSet<>();
        boolean lost = false;
        Instant previous = opening.occurredAt();
        for (AccountEvent event : history.subList(1, history.size())) {
            String rule = null;
            if (!event.accountId().equals(account)) {
                rule = "concerns another account";
            } else if (event.occurredAt().isBefore(previous)) {
                rule = "is out of order";
            } else if (!event.occurredAt().isAfter(opening.occurredAt())) {
                rule = "is not after the opening";
            } else if (!event.occurredAt().isBefore(now)) {
                rule = "lies in the future";
            } else if (event instanceof AccountOpened) {
                rule = "opens the account again";
            } else if (event instanceof AccountLost) {
                rule = lost ? "loses a lost account" : null;
                lost = true;
            } else if (event instanceof AccountWonBack) {
                rule = lost ? null : "wins back an account not lost";
                lost = false;
            } else if (event instanceof LostClientInterviewRecorded e) {
                rule = !lost ? "interviews an account not lost" : ids.add(e.interviewId()) ? null : "reuses an id";
            } else if (event instanceof FeedbackReceived e) {
                rule = e.doingRight() == null && e.doingWrong() == null && e.couldImprove() == null && e.npsScore() == null
                        ? "says nothing" : ids.add(e.feedbackId()) ? null : "reuses an id";
            } else if (lost) {
                rule = "happens while the account is lost";
            } else if (event instanceof ContactLogged e) {
                rule = e.outcome() == ContactOutcome.NO_ANSWER && e.durationMinutes() != null ? "lasts with nobody answering"
                        : ids.add(e.contactId()) ? null : "reuses an id";
            } else if (event instanceof PitchMade e) {
                rule = ids.add(e.pitchId()) && pitches.add(e.pitchId()) ? null : "reuses an id";
            } else if (event instanceof PitchOutcomeRecorded e) {
                rule = !pitches.contains(e.pitchId()) ? "answers a pitch never made"
                        : answered.add(e.pitchId()) ? null : "answers a pitch twice";
            } else if (event instanceof UnmetNeedRaised e) {
                rule = ids.add(e.needId()) && openNeeds.add(e.needId()) ? null : "reuses an id";
            } else if (event instanceof UnmetNeedAddressed || event instanceof UnmetNeedDeclined
                    || event instanceof UnmetNeedLostToCompetitor) {
                UUID need = needOf(event);
                rule = endedNeeds.contains(need) ? "ends a need twice"
                        : openNeeds.remove(need) && endedNeeds.add(need) ? null : "ends a need never raised";
            } else if (event instanceof CompetitorSighted e) {
                rule = ids.add(e.signalId()) ? null : "reuses an id";
            }
            if (rule != null) {
                broken.add(event + " " + rule);
            }
            previous = event.occurredAt();
        }
        return broken;
    }

    private static UUID needOf(AccountEvent end) {
        if (end instanceof UnmetNeedAddressed e) {
            return e.needId();
        }
        if (end instanceof UnmetNeedDeclined e) {
            return e.needId();
        }
        return ((UnmetNeedLostToCompetitor) end).needId();
    }
}
