package com.rapport.events;

import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.insights.HealthBandChanged;
import com.rapport.events.insights.HealthPolicyChanged;
import com.rapport.events.insights.NeglectFlagCleared;
import com.rapport.events.insights.NeglectFlagRaised;
import com.rapport.events.insights.RiskSignalCleared;
import com.rapport.events.insights.RiskSignalRaised;
import com.rapport.events.outreach.CallCompleted;
import com.rapport.events.outreach.CallMissed;
import com.rapport.events.outreach.CallRescheduled;
import com.rapport.events.outreach.CallScheduled;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.PitchOutcomeRecorded;
import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type Rapport publishes, looked up by its stable external name. */
public final class PublishedLanguage {

    private static final List<Class<? extends PublishedEvent>> EVENT_TYPES = List.of(
            AccountOpened.class,
            AccountProfileChanged.class,
            AccountOwnerAssigned.class,
            AccountLost.class,
            AccountWonBack.class,
            ContactLogged.class,
            PitchMade.class,
            PitchOutcomeRecorded.class,
            FeedbackReceived.class,
            UnmetNeedRaised.class,
            UnmetNeedAddressed.class,
            UnmetNeedDeclined.class,
            UnmetNeedLostToCompetitor.class,
            CompetitorSighted.class,
            LostClientInterviewRecorded.class,
            CallScheduled.class,
            CallRescheduled.class,
            CallCompleted.class,
            CallMissed.class,
            HealthBandChanged.class,
            NeglectFlagRaised.class,
            NeglectFlagCleared.class,
            RiskSignalRaised.class,
            RiskSignalCleared.class,
            HealthPolicyChanged.class);

    private static final Map<String, Class<? extends PublishedEvent>> BY_NAME = EVENT_TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(PublishedLanguage::nameOf, Function.identity()));

    private PublishedLanguage() {
    }

    public static List<Class<? extends PublishedEvent>> eventTypes() {
        return EVENT_TYPES;
    }

    public static Optional<Class<? extends PublishedEvent>> typeNamed(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Optional<EventType> describe(Class<?> type) {
        return Optional.ofNullable(type.getAnnotation(EventType.class));
    }

    /**
     * The fields an event type had in one of its revisions, in order: those {@link AddedIn added}
     * later are left out.
     */
    public static List<String> fieldsAt(Class<?> type, int revision) {
        int current = describe(type).filter(published -> type.isRecord()).map(EventType::revision)
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not a published event record"));
        if (revision < 1 || revision > current) {
            throw new IllegalArgumentException(type.getSimpleName() + " has revisions 1 to " + current + ", not " + revision);
        }
        return Arrays.stream(type.getRecordComponents())
                .filter(field -> addedIn(field) <= revision)
                .map(RecordComponent::getName)
                .toList();
    }

    private static int addedIn(RecordComponent field) {
        AddedIn added = field.getAnnotation(AddedIn.class);
        return added == null ? 1 : added.value();
    }

    private static String nameOf(Class<?> type) {
        return describe(type)
                .orElseThrow(() -> new IllegalStateException(type.getName() + " is published without @EventType"))
                .name();
    }
}
