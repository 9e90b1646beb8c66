package com.rapport.platform.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.OptionalLong;

/**
 * Where each streaming processor has got to ({@code rapport.processor.position}, the lowest
 * global index its segments on this instance have reached) and whether it is rebuilding its
 * read model ({@code rapport.processor.replaying}): a rebuild's progress, for Prometheus.
 */
public class EventProcessorMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;

    public EventProcessorMetrics(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
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
