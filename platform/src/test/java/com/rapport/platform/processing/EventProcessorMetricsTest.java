package com.rapport.platform.processing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Lag, age and replay progress as an alert reads them. */
class EventProcessorMetricsTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final Map<Integer, EventTrackerStatus> segments = new HashMap<>();
    private final LastProcessedEvents lastProcessed = new LastProcessedEvents();
    private long head = 100;

    @BeforeEach
    void bind() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("directory", processor));
        when(processor.processingStatus()).thenReturn(segments);
        StreamableMessageSource<?> store = mock(StreamableMessageSource.class);
        when(store.createHeadToken()).thenAnswer(invocation -> new GlobalSequenceTrackingToken(head));
        new EventProcessorMetrics(processing, store, lastProcessed, Clock.fixed(NOW, ZoneOffset.UTC)).bindTo(registry);
    }

    private void segment(int id, long position) {
        segments.put(id, status(OptionalLong.of(position), false, OptionalLong.empty()));
    }

    private void replayingSegment(int id, long position, long resetAt) {
        segments.put(id, status(OptionalLong.of(position), true, OptionalLong.of(resetAt)));
    }

    private static EventTrackerStatus status(OptionalLong position, boolean replaying, OptionalLong resetAt) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(position);
        when(status.isReplaying()).thenReturn(replaying);
        when(status.getResetPosition()).thenReturn(resetAt);
        return status;
    }

    /** The processor's handlers take an event recorded at that moment, and its unit of work commits or not. */
    private void handle(Instant recordedAt, boolean commit) throws Exception {
        UnitOfWork<GenericEventMessage<String>> unitOfWork = DefaultUnitOfWork.startAndGet(
                new GenericEventMessage<>(UUID.randomUUID().toString(), "an event", Map.of(), recordedAt));
        lastProcessed.interceptorFor("directory").handle(unitOfWork, () -> null);
        if (commit) {
            unitOfWork.commit();
        } else {
            unitOfWork.rollback();
        }
    }

    private void handled(Instant recordedAt) throws Exception {
        handle(recordedAt, true);
    }

    private double gauge(String name) {
        return registry.get(name).tag("processor", "directory").gauge().value();
    }

    @Test
    void aCaughtUpProcessorHasNoLagAndNoAgeHoweverLongItHasBeenIdle() throws Exception {
        segment(0, 100);
        segment(1, 100);
        handled(NOW.minus(Duration.ofDays(3)));

        assertThat(gauge("rapport.processor.lag")).isZero();
        assertThat(gauge("rapport.processor.last.event.age")).isZero();
    }

    @Test
    void aProcessorBehindIsAsOldAsTheLastEventItHandled() throws Exception {
        segment(0, 100);
        segment(1, 60);
        handled(NOW.minus(Duration.ofSeconds(90)));

        assertThat(gauge("rapport.processor.lag")).isEqualTo(40);
        assertThat(gauge("rapport.processor.last.event.age")).isEqualTo(90);
    }

    @Test
    void aRolledBackEventDoesNotCountAsHandled() throws Exception {
        segment(0, 60);
        handled(NOW.minus(Duration.ofSeconds(90)));
        handle(NOW.minus(Duration.ofSeconds(10)), false);

        assertThat(gauge("rapport.processor.last.event.age")).isEqualTo(90);
    }

    @Test
    void aSegmentThatHasHandledNothingIsBehindByTheWholeStore() {
        segments.put(0, status(OptionalLong.empty(), false, OptionalLong.empty()));

        assertThat(gauge("rapport.processor.lag")).isEqualTo(100);
    }

    @Test
    void anInstanceWithoutSegmentsOfTheProcessorReportsNothingBehind() {
        assertThat(gauge("rapport.processor.lag")).isZero();
        assertThat(gauge("rapport.processor.last.event.age")).isZero();
    }

    @Test
    void aReplayReportsHowFarItHasGotTowardsWhereItWasReset() {
        replayingSegment(0, 30, 100);
        replayingSegment(1, 80, 100);

        assertThat(gauge("rapport.processor.replay.progress")).isEqualTo(0.3);
        assertThat(gauge("rapport.processor.replaying")).isEqualTo(1);
    }

    @Test
    void withoutAReplayProgressIsComplete() {
        segment(0, 10);

        assertThat(gauge("rapport.processor.replay.progress")).isEqualTo(1);
        assertThat(gauge("rapport.processor.replaying")).isZero();
    }
}
