package com.rapport.insights.calllist;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.outreach.CallCompleted;
import com.rapport.events.outreach.CallMissed;
import com.rapport.events.outreach.CallRescheduled;
import com.rapport.events.outreach.CallScheduled;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the call list reads of an account's history besides its health: the last contact and the
 * calls still planned, the loss and whether we asked why, and what to bring up on the call (the
 * complaint nobody has talked through, the needs still open, the competitors seen). The events up
 * to one moment, folded.
 */
final class AccountFacts {

    record PlannedCall(Instant dueAt, String purpose) {
    }

    record Sighting(String competitor, Instant at) {
    }

    Instant openedAt;
    Instant lastConnected;
    /** The latest contact or attempt, whatever its outcome. */
    ContactLogged lastContact;
    /** The loss, while the account is lost; null for an account we have (again). */
    AccountLost loss;
    boolean interviewedSinceLoss;
    /** Calls scheduled and neither completed nor missed, by call id. */
    final Map<UUID, PlannedCall> plannedCalls = new LinkedHashMap<>();
    FeedbackReceived unansweredComplaint;
    final Map<UUID, UnmetNeedRaised> openNeeds = new LinkedHashMap<>();
    final List<Sighting> sightings = new ArrayList<>();

    /** @param history the account's events in the order they happened */
    static AccountFacts asOf(List<? extends AccountEvent> history, Instant asOf) {
        AccountFacts facts = new AccountFacts();
        for (AccountEvent event : history) {
            if (!event.occurredAt().isAfter(asOf)) {
                facts.apply(event);
            }
        }
        return facts;
    }

    /** The planned call due first among those due by {@code by}. */
    Optional<PlannedCall> callDueBy(Instant by) {
        return plannedCalls.values().stream()
                .filter(call -> !call.dueAt().isAfter(by))
                .min(Comparator.comparing(PlannedCall::dueAt));
    }

    Optional<UnmetNeedRaised> oldestOpenNeed() {
        return openNeeds.values().stream().min(Comparator.comparing(UnmetNeedRaised::occurredAt));
    }

    /** The competitors seen after {@code since}, each once, in the order first seen. */
    List<String> competitorsSeenAfter(Instant since) {
        return sightings.stream()
                .filter(sighting -> sighting.at().isAfter(since))
                .map(Sighting::competitor)
                .distinct()
                .toList();
    }

    private void apply(AccountEvent event) {
        if (event instanceof AccountOpened e) {
            openedAt = e.occurredAt();
        } else if (event instanceof ContactLogged e) {
            contact(e);
        } else if (event instanceof AccountLost e) {
            loss = e;
            interviewedSinceLoss = false;
        } else if (event instanceof AccountWonBack e) {
            loss = null;
            interviewedSinceLoss = false;
            // as the health model reads it: winning a client back means talking with them
            if (lastConnected == null || e.occurredAt().isAfter(lastConnected)) {
                lastConnected = e.occurredAt();
            }
        } else if (event instanceof LostClientInterviewRecorded) {
            interviewedSinceLoss = loss != null;
        } else if (event instanceof CallScheduled e) {
            plannedCalls.put(e.callId(), new PlannedCall(e.dueAt(), e.purpose()));
        } else if (event instanceof CallRescheduled e) {
            plannedCalls.compute(e.callId(), (id, call) -> new PlannedCall(e.dueAt(), call == null ? null : call.purpose()));
        } else if (event instanceof CallCompleted e) {
            plannedCalls.remove(e.callId());
        } else if (event instanceof CallMissed e) {
            plannedCalls.remove(e.callId());
        } else if (event instanceof FeedbackReceived e) {
            if (e.doingWrong() != null && !e.doingWrong().isBlank()) {
                unansweredComplaint = e;
            }
        } else if (event instanceof UnmetNeedRaised e) {
            openNeeds.put(e.needId(), e);
        } else if (event instanceof UnmetNeedAddressed e) {
            openNeeds.remove(e.needId());
        } else if (event instanceof UnmetNeedDeclined e) {
            openNeeds.remove(e.needId());
        } else if (event instanceof UnmetNeedLostToCompetitor e) {
            openNeeds.remove(e.needId());
            sightings.add(new Sighting(e.competitor(), e.occurredAt()));
        } else if (event instanceof CompetitorSighted e) {
            sightings.add(new Sighting(e.competitor(), e.occurredAt()));
        }
    }

    /** As the health model reads it: a connected contact after a complaint is the complaint talked through. */
    private void contact(ContactLogged e) {
        lastContact = e;
        if (e.outcome() != ContactOutcome.CONNECTED) {
            return;
        }
        if (lastConnected == null || e.occurredAt().isAfter(lastConnected)) {
            lastConnected = e.occurredAt();
        }
        if (unansweredComplaint != null && e.occurredAt().isAfter(unansweredComplaint.occurredAt())) {
            unansweredComplaint = null;
        }
    }
}
