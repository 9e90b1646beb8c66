package com.rapport.insights.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.CallCompleted;
import com.rapport.events.outreach.CallMissed;
import com.rapport.events.outreach.CallRescheduled;
import com.rapport.events.outreach.CallScheduled;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.StaffRole;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;
import com.rapport.insights.health.HealthPolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What an account's history says, folded once: the one state the health model, the call list and
 * the portfolio read. Events are applied in the order they happened (those of one moment in the
 * order they were recorded); the state then describes the account at any moment from
 * {@link #foldedTo()} on, until its next event.
 * <p>
 * It keeps only what can still matter after {@link #foldedTo()}: connected contacts and competitor
 * sightings older than the policy's windows are dropped as later events arrive, open needs and
 * planned calls leave when they end. So it stays small however long the account's history grows,
 * and a fold of the whole history and one built event by event are the same state.
 * <p>
 * It is kept as JSON (see {@link AccountStates}); its fields are its serialized form, and none is final,
 * so that Jackson can fill every one of them in.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class AccountState {

    /** An unmet need still open. */
    public record OpenNeed(UUID needId, Instant raisedAt, String description) {
    }

    public record Sighting(String competitor, Instant at) {
    }

    /** A call scheduled and neither completed nor missed. */
    public record PlannedCall(UUID callId, Instant dueAt, String purpose) {
    }

    /** The latest contact or attempt, whatever its outcome. */
    public record LastContact(ContactOutcome outcome, Instant at) {
    }

    /** A complaint nobody has talked through with the client since. */
    public record Complaint(String doingWrong, Instant at) {
    }

    /** The loss in force. */
    public record Loss(LossReason reason, String competitor, Instant at) {
    }

    /** The account moved to another time zone at this moment. */
    public record ZoneMove(String timezone, Instant at) {
    }

    private UUID accountId;
    private String name;
    private String ownerId;
    private Tier tier;
    private BigDecimal annualValue;
    private String currency;
    private Integer cadenceOverride;
    private Instant openedAt;
    private List<ZoneMove> zones = new ArrayList<>();

    private Loss loss;
    private boolean interviewedSinceLoss;
    private Instant lastLostAt;

    private Instant lastConnected;
    private Instant lastFaceToFace;
    private Instant lastExecutive;
    private Instant lastPitch;
    private List<Instant> connected = new ArrayList<>();
    private int attemptsSinceConnected;
    private LastContact lastContact;

    private Integer latestNps;
    private Instant latestNpsAt;
    private Complaint complaint;

    private Map<UUID, OpenNeed> openNeeds = new LinkedHashMap<>();
    private List<Sighting> sightings = new ArrayList<>();
    private Map<UUID, PlannedCall> plannedCalls = new LinkedHashMap<>();

    private Instant foldedTo;

    /**
     * The account as its events up to {@code asOf} tell it.
     *
     * @param history the account's events, in any order: they are taken in the order they happened, those of
     *                one moment in the order given
     */
    public static AccountState fold(List<? extends AccountEvent> history, Instant asOf, HealthPolicy policy) {
        AccountState state = new AccountState();
        history.stream()
                .filter(event -> !event.occurredAt().isAfter(asOf))
                .sorted(Comparator.comparing(AccountEvent::occurredAt))
                .forEachOrdered(event -> state.apply(event, policy));
        return state;
    }

    /**
     * The account with new events: folded forward onto {@code state} while each happened no earlier than
     * what is folded already, or else folded again from its whole history, which holds them.
     *
     * @param state   as last folded, or null for an account not folded yet
     * @param events  the new events, in the order they were recorded
     * @param history the account's whole history, the new events included, in the order the events happened
     *                (those of one moment in the order they were recorded)
     */
    public static AccountState withEvents(AccountState state, List<? extends AccountEvent> events,
                                          Supplier<List<? extends AccountEvent>> history, HealthPolicy policy) {
        if (state == null) {
            return fold(history.get(), Instant.MAX, policy);
        }
        for (AccountEvent event : events) {
            if (!state.follows(event)) {
                return fold(history.get(), Instant.MAX, policy);
            }
            state.apply(event, policy);
        }
        return state;
    }

    /** Whether the event can be applied to this state as it stands: it happened no earlier than what is folded. */
    public boolean follows(AccountEvent event) {
        return foldedTo == null || !event.occurredAt().isBefore(foldedTo);
    }

    /**
     * Applies an event that happened no earlier than every event folded so far ({@link #follows}); an
     * earlier one needs a fold of the whole history.
     */
    public void apply(AccountEvent event, HealthPolicy policy) {
        if (!follows(event)) {
            throw new IllegalArgumentException("Event of " + event.occurredAt() + " is before " + foldedTo
                    + ", where account " + accountId + " is folded to: fold its history again instead");
        }
        foldedTo = event.occurredAt();
        if (event instanceof AccountOpened e) {
            accountId = e.accountId();
            name = e.name();
            ownerId = e.ownerId();
            tier = e.tier();
            annualValue = e.annualValue();
            currency = e.currency();
            cadenceOverride = e.cadenceDays();
            openedAt = e.occurredAt();
            zones.add(new ZoneMove(e.timezone(), e.occurredAt()));
        } else if (event instanceof AccountProfileChanged e) {
            name = Objects.requireNonNullElse(e.name(), name);
            tier = Objects.requireNonNullElse(e.tier(), tier);
            annualValue = Objects.requireNonNullElse(e.annualValue(), annualValue);
            cadenceOverride = e.cadenceDays() != null ? e.cadenceDays() : cadenceOverride;
            if (e.timezone() != null) {
                zones.add(new ZoneMove(e.timezone(), e.occurredAt()));
            }
        } else if (event instanceof AccountOwnerAssigned e) {
            ownerId = e.ownerId();
        } else if (event instanceof AccountLost e) {
            loss = new Loss(e.reason(), e.competitor(), e.occurredAt());
            interviewedSinceLoss = false;
            lastLostAt = e.occurredAt();
        } else if (event instanceof AccountWonBack e) {
            loss = null;
            interviewedSinceLoss = false;
            // winning a client back means talking with them: the clocks start again from here
            lastConnected = latest(lastConnected, e.occurredAt());
            attemptsSinceConnected = 0;
        } else if (event instanceof LostClientInterviewRecorded) {
            interviewedSinceLoss = loss != null;
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
                complaint = new Complaint(e.doingWrong(), e.occurredAt());
            }
        } else if (event instanceof UnmetNeedRaised e) {
            openNeeds.put(e.needId(), new OpenNeed(e.needId(), e.occurredAt(), e.description()));
        } else if (event instanceof UnmetNeedAddressed e) {
            openNeeds.remove(e.needId());
        } else if (event instanceof UnmetNeedDeclined e) {
            openNeeds.remove(e.needId());
        } else if (event instanceof UnmetNeedLostToCompetitor e) {
            openNeeds.remove(e.needId());
            sightings.add(new Sighting(e.competitor(), e.occurredAt()));
        } else if (event instanceof CompetitorSighted e) {
            sightings.add(new Sighting(e.competitor(), e.occurredAt()));
        } else if (event instanceof CallScheduled e) {
            plannedCalls.put(e.callId(), new PlannedCall(e.callId(), e.dueAt(), e.purpose()));
        } else if (event instanceof CallRescheduled e) {
            PlannedCall call = plannedCalls.get(e.callId());
            plannedCalls.put(e.callId(), new PlannedCall(e.callId(), e.dueAt(), call == null ? null : call.purpose()));
        } else if (event instanceof CallCompleted e) {
            plannedCalls.remove(e.callId());
        } else if (event instanceof CallMissed e) {
            plannedCalls.remove(e.callId());
        }
        forgetWhatNoLongerCounts(policy);
    }

    private void contact(ContactLogged e) {
        lastContact = new LastContact(e.outcome(), e.occurredAt());
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
        // a connected contact after a complaint is the complaint talked through
        if (complaint != null && e.occurredAt().isAfter(complaint.at())) {
            complaint = null;
        }
    }

    /**
     * Every later assessment looks back from a moment at or after {@link #foldedTo}: momentum two of its
     * windows, competitor pressure one. What lies before that can no longer count.
     */
    private void forgetWhatNoLongerCounts(HealthPolicy policy) {
        Instant momentumHorizon = foldedTo.minus(Duration.ofDays(2L * policy.momentumWindowDays()));
        connected.removeIf(at -> !at.isAfter(momentumHorizon));
        Instant competitorHorizon = foldedTo.minus(Duration.ofDays(policy.competitorWindowDays()));
        sightings.removeIf(sighting -> !sighting.at().isAfter(competitorHorizon));
    }

    private static Instant latest(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    public boolean isOpen() {
        return openedAt != null;
    }

    public boolean isLost() {
        return loss != null;
    }

    public UUID accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String ownerId() {
        return ownerId;
    }

    public Tier tier() {
        return tier;
    }

    public BigDecimal annualValue() {
        return annualValue;
    }

    public String currency() {
        return currency;
    }

    public Integer cadenceOverride() {
        return cadenceOverride;
    }

    public Instant openedAt() {
        return openedAt;
    }

    /** Every time zone the account was in, from its opening on. */
    public List<ZoneMove> zones() {
        return List.copyOf(zones);
    }

    public Optional<Loss> loss() {
        return Optional.ofNullable(loss);
    }

    /** When the account was last lost, even if it has been won back since; null if it never was. */
    public Instant lastLostAt() {
        return lastLostAt;
    }

    public boolean interviewedSinceLoss() {
        return interviewedSinceLoss;
    }

    public Instant lastConnected() {
        return lastConnected;
    }

    public Instant lastFaceToFace() {
        return lastFaceToFace;
    }

    public Instant lastExecutive() {
        return lastExecutive;
    }

    public Instant lastPitch() {
        return lastPitch;
    }

    /** The connected contacts that can still count for momentum, oldest first. */
    public List<Instant> connected() {
        return List.copyOf(connected);
    }

    public int attemptsSinceConnected() {
        return attemptsSinceConnected;
    }

    public Optional<LastContact> lastContact() {
        return Optional.ofNullable(lastContact);
    }

    public Integer latestNps() {
        return latestNps;
    }

    public Instant latestNpsAt() {
        return latestNpsAt;
    }

    public Optional<Complaint> unansweredComplaint() {
        return Optional.ofNullable(complaint);
    }

    /** The needs still open, in the order they were raised. */
    public List<OpenNeed> openNeeds() {
        return List.copyOf(openNeeds.values());
    }

    /** The competitor sightings that can still count, oldest first. */
    public List<Sighting> sightings() {
        return List.copyOf(sightings);
    }

    public List<PlannedCall> plannedCalls() {
        return List.copyOf(plannedCalls.values());
    }

    /** When the latest event folded in happened; null before any. */
    public Instant foldedTo() {
        return foldedTo;
    }
}
