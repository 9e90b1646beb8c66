package com.rapport.platform.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.OptionalLong;

/**
 * Where each streaming processor has got to ({@code rapport.processor.position}, the lowest
 * global index its segments on this instance have reached), whether it is rebuilding its read
 * model ({@code rapport.processor.replaying}), and the head of the event store
 * ({@code rapport.eventstore.head}): head minus position is how far behind a read model is.
 */
public class EventProcessorMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<?> store;

    /** @param store the event store, or null where there is none (then no head is reported) */
    public EventProcessorMetrics(EventProcessingConfiguration processing, StreamableMessageSource<?> store) {
        this.processing = processing;
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (store != null) {
            Gauge.builder("rapport.eventstore.head", store,
                            source -> source.createHeadToken() == null ? 0 : source.createHeadToken().position().orElse(0))
                    .description("The global index of the newest event in the store")
                    .register(registry);
        }
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("rapport.processor.position", streaming, EventProcessorMetrics::position)
                        .description("The lowest global index this instance's segments of the processor have reached")
                        .tag("processor", name)
                        .register(registry);
                Gauge.builder("rapport.processor.replaying", streaming,
                                candidate -> candidate.processingStatus().values().stream()
                                        .anyMatch(EventTrackerStatus::isReplaying) ? 1 : 0)
                        .description("1 while the processor replays the event store to rebuild its read model")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }

    private static double position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .orElse(-1);
    }
}
