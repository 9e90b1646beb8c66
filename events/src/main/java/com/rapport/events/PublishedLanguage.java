package com.rapport.events;

import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.insights.HealthBandChanged;
import com.rapport.events.insights.NeglectFlagCleared;
import com.rapport.events.insights.NeglectFlagRaised;
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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type Rapport publishes, looked up by its stable external name. */
public final class PublishedLanguage {

    private static final List<Class<? extends AccountEvent>> EVENT_TYPES = List.of(
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
            NeglectFlagCleared.class);

    private static final Map<String, Class<? extends AccountEvent>> BY_NAME = EVENT_TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(PublishedLanguage::nameOf, Function.identity()));

    private PublishedLanguage() {
    }

    public static List<Class<? extends AccountEvent>> eventTypes() {
        return EVENT_TYPES;
    }

    public static Optional<Class<? extends AccountEvent>> typeNamed(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Optional<EventType> describe(Class<?> type) {
        return Optional.ofNullable(type.getAnnotation(EventType.class));
    }

    private static String nameOf(Class<?> type) {
        return describe(type)
                .orElseThrow(() -> new IllegalStateException(type.getName() + " is published without @EventType"))
                .name();
    }
}
