package com.rapport.events;

import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;

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
            AccountWonBack.class);

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
