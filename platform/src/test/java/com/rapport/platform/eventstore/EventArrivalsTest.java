package com.rapport.platform.eventstore;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The processors hear of new events when the store's reader has taken in a read that found some. */
class EventArrivalsTest {

    private static final Duration GAP = Duration.ofSeconds(1);

    private final EventArrivals arrivals = new EventArrivals(GAP);
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final EventStorageEngine read = arrivals.storage(store);

    @AfterEach
    void stopCallingBack() {
        arrivals.close();
    }

    private TrackingEventStream listening(AtomicInteger calls) {
        TrackingEventStream stream = arrivals.stream(new NoEvents());
        assertThat(stream.setOnAvailableCallback(calls::incrementAndGet)).as("call-backs are supported").isTrue();
        return stream;
    }

    @Test
    void aReadThatFoundEventsCallsBackOnceAfterHandingOnTheLast() {
        store.appendEvents(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second"));
        AtomicInteger calls = new AtomicInteger();
        listening(calls);
        List<Integer> callsSeenPerEvent = new ArrayList<>();

        try (Stream<? extends TrackedEventMessage<?>> events = read.readEvents(null, false)) {
            events.forEach(event -> callsSeenPerEvent.add(calls.get()));
        }

        assertThat(callsSeenPerEvent).as("not before the reader has taken in every event").containsExactly(0, 0);
        assertThat(calls).hasValue(1);
    }

    @Test
    void readsWithinTheGapCallBackOnceMoreWhenItEnds() {
        AtomicInteger calls = new AtomicInteger();
        listening(calls);
        store.appendEvents(GenericEventMessage.asEventMessage("first"));
        readAll();
        store.appendEvents(GenericEventMessage.asEventMessage("second"));
        readAll();
        readAll();

        assertThat(calls).as("the first at once, the next ones not before the gap has passed").hasValue(1);
        await().atMost(GAP.multipliedBy(3)).untilAsserted(() -> assertThat(calls).hasValue(2));
    }

    private void readAll() {
        try (Stream<? extends TrackedEventMessage<?>> events = read.readEvents(null, false)) {
            events.forEach(event -> { });
        }
    }

    @Test
    void aReadThatFoundNothingCallsNoOneBack() {
        AtomicInteger calls = new AtomicInteger();
        listening(calls);

        try (Stream<? extends TrackedEventMessage<?>> events = read.readEvents(null, false)) {
            assertThat(events.count()).isZero();
        }

        assertThat(calls).hasValue(0);
    }

    @Test
    void aClosedStreamIsCalledBackNoMore() {
        store.appendEvents(GenericEventMessage.asEventMessage("first"));
        AtomicInteger calls = new AtomicInteger();
        listening(calls).close();

        try (Stream<? extends TrackedEventMessage<?>> events = read.readEvents(null, false)) {
            events.forEach(event -> { });
        }

        assertThat(calls).hasValue(0);
    }

    @Test
    void everythingElseIsTheStoresOwn() {
        store.appendEvents(GenericEventMessage.asEventMessage("first"));

        assertThat(read.createHeadToken()).isEqualTo(store.createHeadToken());
        assertThat(read.createTailToken()).isEqualTo(store.createTailToken());
    }

    private static final class NoEvents implements TrackingEventStream {
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("no events");
        }

        @Override
        public void close() {
        }
    }
}
