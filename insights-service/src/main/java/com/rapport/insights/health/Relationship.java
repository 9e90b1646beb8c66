package com.rapport.insights.health;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.StaffRole;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What an account's history says about the relationship at one moment: the events up to it, folded. */
final class Relationship {

    record OpenNeed(Instant raisedAt, String description) {
    }

    record Sighting(String competitor, Instant at) {
    }

    UUID accountId;
    String name;
    String ownerId;
    Tier tier;
    BigDecimal annualValue;
    String currency;
    Integer cadenceOverride;
    Instant openedAt;
    boolean lost;

    Instant lastConnected;
    Instant lastFaceToFace;
    Instant lastExecutive;
    Instant lastPitch;
    final List<Instant> connected = new ArrayList<>();
    int attemptsSinceConnected;

    Integer latestNps;
    Instant latestNpsAt;
    FeedbackReceived latestComplaint;

    final Map<UUID, OpenNeed> openNeeds = new LinkedHashMap<>();
    final List<Sighting> sightings = new ArrayList<>();

    /** @param history the account's events; events of the same moment are taken in the order given */
    static Relationship asOf(List<? extends AccountEvent> history, Instant asOf) {
        Relationship relationship = new Relationship();
        List<AccountEvent> inOrder = new ArrayList<>(history);
        inOrder.sort(Comparator.comparing(AccountEvent::occurredAt));
        for (AccountEvent event : inOrder) {
            if (!event.occurredAt().isAfter(asOf)) {
                relationship.apply(event);
            }
        }
        return relationship;
    }

    boolean isOpen() {
        return openedAt != null;
    }

    private void apply(AccountEvent event) {
        if (event instanceof AccountOpened e) {
            accountId = e.accountId();
            name = e.name();
            ownerId = e.ownerId();
            tier = e.tier();
            annualValue = e.annualValue();
            currency = e.currency();
            cadenceOverride = e.cadenceDays();
            openedAt = e.occurredAt();
        } else if (event instanceof AccountProfileChanged e) {
            name = e.name() != null ? e.name() : name;
            tier = e.tier() != null ? e.tier() : tier;
            annualValue = e.annualValue() != null ? e.annualValue() : annualValue;
            cadenceOverride = e.cadenceDays() != null ? e.cadenceDays() : cadenceOverride;
        } else if (event instanceof AccountOwnerAssigned e) {
            ownerId = e.ownerId();
        } else if (event instanceof AccountLost) {
            lost = true;
        } else if (event instanceof AccountWonBack e) {
            // winning a client back means talking with them: the clocks start again from here
            lost = false;
            lastConnected = latest(lastConnected, e.occurredAt());
            attemptsSinceConnected = 0;
        } else if (event instanceof ContactLogged e) {
            contact(e);
        } else if (event instanceof PitchMade e) {
            lastPitch = e.occurredAt();
            if (e.faceToFace()) {
                lastFaceToFace = latest(lastFaceToFace, e.occurredAt());
            }
        } else if (event instanceof FeedbackReceived e) {
            if (e.npsScore() != null) {
                latestNps = e.npsScore();
                latestNpsAt = e.occurredAt();
            }
            if (e.doingWrong() != null && !e.doingWrong().isBlank()) {
                latestComplaint = e;
            }
        } else if (event instanceof UnmetNeedRaised e) {
            openNeeds.put(e.needId(), new OpenNeed(e.occurredAt(), e.description()));
        } else if (event instanceof UnmetNeedAddressed e) {
            openNeeds.remove(e.needId());
        } else if (event instanceof UnmetNeedDeclined e) {
            openNeeds.remove(e.needId());
        } else if (event instanceof UnmetNeedLostToCompetitor e) {
            openNeeds.remove(e.needId());
            seeCompetitor(e.competitor(), e.occurredAt());
        } else if (event instanceof CompetitorSighted e) {
            seeCompetitor(e.competitor(), e.occurredAt());
        }
    }

    private void contact(ContactLogged e) {
        if (e.outcome() != ContactOutcome.CONNECTED) {
            attemptsSinceConnected++;
            return;
        }
        attemptsSinceConnected = 0;
        lastConnected = latest(lastConnected, e.occurredAt());
        connected.add(e.occurredAt());
        if (e.channel().isFaceToFace()) {
            lastFaceToFace = latest(lastFaceToFace, e.occurredAt());
        }
        if (e.staffRole() == StaffRole.EXECUTIVE) {
            lastExecutive = latest(lastExecutive, e.occurredAt());
        }
        if (latestComplaint != null && e.occurredAt().isAfter(latestComplaint.occurredAt())) {
            latestComplaint = null;
        }
    }

    private void seeCompetitor(String competitor, Instant at) {
        sightings.add(new Sighting(competitor, at));
    }

    private static Instant latest(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
