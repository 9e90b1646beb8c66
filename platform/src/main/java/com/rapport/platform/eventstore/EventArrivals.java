package com.rapport.platform.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Tells the processors at once that the event store's reader has found new events.
 * <p>
 * A pooled streaming processor asks its stream to call it back when events become available; a
 * stream that cannot (Axon's embedded store's cannot) makes it look again only every 500 ms, most
 * of a read model's delay once the reader looks every {@code rapport.event-fetch-delay}. Here the
 * reader's reads of the store ({@link #storage}) announce, once each read has handed on every event
 * it found, and the processors' streams ({@link #stream}) take the callback and are called on each
 * announcement. Under load they are called at most once per {@code gap}: each call starts a batch, one
 * transaction per segment, so that calling at every read would trade throughput for a few
 * milliseconds; events announced within the gap are taken together when it ends.
 */
final class EventArrivals implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);

    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private final long gapNanos;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "event-arrivals");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean due = new AtomicBoolean();
    private volatile long lastCalled;

    /** @param gap the least time between two calls of the processors */
    EventArrivals(Duration gap) {
        this.gapNanos = gap.toNanos();
        this.lastCalled = System.nanoTime() - gapNanos;
    }

    /** The store as the reader reads it: a read that found events announces them when it has handed on the last. */
    EventStorageEngine storage(EventStorageEngine store) {
        return new AnnouncingStorage(store);
    }

    /** A processor's stream, calling back its processor when new events have arrived. */
    TrackingEventStream stream(TrackingEventStream events) {
        return new CallingBackStream(events);
    }

    @Override
    public void close() {
        later.shutdownNow();
    }

    private void announce() {
        if (!due.compareAndSet(false, true)) {
            return; // a call is due already: the processors will find these events too
        }
        long wait = lastCalled + gapNanos - System.nanoTime();
        if (wait <= 0) {
            callProcessors();
        } else {
            later.schedule(this::callProcessors, wait, TimeUnit.NANOSECONDS);
        }
    }

    private void callProcessors() {
        lastCalled = System.nanoTime();
        due.set(false);
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("A processor's call-back on new events failed; it looks again on its own", e);
            }
        }
    }

    private Stream<? extends TrackedEventMessage<?>> announcedAtTheEnd(Stream<? extends TrackedEventMessage<?>> events) {
        Spliterator<? extends TrackedEventMessage<?>> read = events.spliterator();
        Spliterator<TrackedEventMessage<?>> announcing = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            private boolean found;

            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
                if (read.tryAdvance(action)) {
                    found = true;
                    return true;
                }
                if (found) {
                    // the reader has taken in every event of the read: a processor called back finds them
                    found = false;
                    announce();
                }
                return false;
            }
        };
        return StreamSupport.stream(announcing, false).onClose(events::close);
    }

    private final class AnnouncingStorage implements EventStorageEngine {

        private final EventStorageEngine store;

        private AnnouncingStorage(EventStorageEngine store) {
            this.store = store;
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return announcedAtTheEnd(store.readEvents(trackingToken, mayBlock));
        }

        @Override
        public void appendEvents(EventMessage<?>... events) {
            store.appendEvents(events);
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            store.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            store.storeSnapshot(snapshot);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            return store.readEvents(aggregateIdentifier);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return store.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return store.readSnapshot(aggregateIdentifier);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return store.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return store.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return store.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return store.createTokenAt(dateTime);
        }
    }

    private final class CallingBackStream implements TrackingEventStream {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private Runnable callback;

        private CallingBackStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            events.close();
        }
    }
}
