package com.rapport.platform.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * How fresh each read model is, per streaming processor:
 * <ul>
 * <li>{@code rapport.processor.position}: the lowest global index this instance's segments have reached;</li>
 * <li>{@code rapport.processor.lag}: the head of the store minus that position, in events;</li>
 * <li>{@code rapport.processor.last.event.age} (seconds): 0 once the processor has reached the head,
 * however long ago the last event came; while it is behind, how long ago the last event it handled
 * was recorded (or, before it has handled any, how long ago the service started). So an idle,
 * caught-up read model reads 0 and a stuck one grows without bound;</li>
 * <li>{@code rapport.processor.replaying}: 1 while it replays the store to rebuild its read model;</li>
 * <li>{@code rapport.processor.replay.progress}: 0..1, how far that replay has got towards the
 * position the processor was reset at; 1 when it is not replaying;</li>
 * </ul>
 * and {@code rapport.eventstore.head}, the global index of the newest event. An instance that owns
 * no segment of a processor reports a lag and an age of 0: the instances that own them report theirs.
 */
public class EventProcessorMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<?> store;
    private final LastProcessedEvents lastProcessed;
    private final Clock clock;
    private final Instant started;

    /** @param store the event store, or null where there is none (then neither head, lag nor age is reported) */
    public EventProcessorMetrics(EventProcessingConfiguration processing, StreamableMessageSource<?> store,
                                 LastProcessedEvents lastProcessed, Clock clock) {
        this.processing = processing;
        this.store = store;
        this.lastProcessed = lastProcessed;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (store != null) {
            Gauge.builder("rapport.eventstore.head", this, EventProcessorMetrics::head)
                    .description("The global index of the newest event in the store")
                    .register(registry);
        }
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                bindTo(registry, name, streaming);
            }
        });
    }

    private void bindTo(MeterRegistry registry, String name, StreamingEventProcessor processor) {
        Gauge.builder("rapport.processor.position", processor, EventProcessorMetrics::position)
                .description("The lowest global index this instance's segments of the processor have reached")
                .tag("processor", name)
                .register(registry);
        Gauge.builder("rapport.processor.replaying", processor,
                        candidate -> candidate.processingStatus().values().stream()
                                .anyMatch(EventTrackerStatus::isReplaying) ? 1 : 0)
                .description("1 while the processor replays the event store to rebuild its read model")
                .tag("processor", name)
                .register(registry);
        Gauge.builder("rapport.processor.replay.progress", processor, EventProcessorMetrics::replayProgress)
                .description("How far a replay has got towards the position the processor was reset at, 0 to 1; 1 when not replaying")
                .tag("processor", name)
                .register(registry);
        if (store != null) {
            Gauge.builder("rapport.processor.lag", processor, this::lag)
                    .description("Events in the store this instance's segments of the processor have not reached yet")
                    .tag("processor", name)
                    .register(registry);
            Gauge.builder("rapport.processor.last.event.age", processor, candidate -> age(name, candidate))
                    .description("0 once the processor has reached the head of the store; while behind, "
                            + "seconds since the last event it handled was recorded")
                    .baseUnit("seconds")
                    .tag("processor", name)
                    .register(registry);
        }
    }

    private double head() {
        TrackingToken head = store.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private static double position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .orElse(-1);
    }

    private double lag(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return 0;
        }
        // a segment without a position has not handled the store's first event yet
        long reached = segments.stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(0))
                .min()
                .orElse(0);
        return Math.max(0, head() - reached);
    }

    private double age(String name, StreamingEventProcessor processor) {
        if (lag(processor) == 0) {
            return 0;
        }
        Instant since = lastProcessed.of(name).orElse(started);
        return Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    static double replayProgress(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .filter(EventTrackerStatus::isReplaying)
                .mapToDouble(EventProcessorMetrics::progressOf)
                .min()
                .orElse(1);
    }

    private static double progressOf(EventTrackerStatus segment) {
        long resetAt = segment.getResetPosition().orElse(0);
        if (resetAt <= 0) {
            return 1;
        }
        long reached = segment.getCurrentPosition().orElse(0);
        return Math.min(1, Math.max(0, (double) reached / resetAt));
    }
}
