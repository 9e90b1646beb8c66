package com.rapport.platform.processing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Lag, age, replay progress and health as an alert and an operator read them: from every segment
 * of the processor, whichever instance holds it, and the events it set aside.
 */
class EventProcessorMetricsTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final Map<Integer, EventTrackerStatus> live = new HashMap<>();
    private final List<StoredTokens.StoredToken> stored = new ArrayList<>();
    private final RecordingTimes recorded = mock(RecordingTimes.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final ProcessorFailures failures = new ProcessorFailures();
    private final MovingClock clock = new MovingClock();
    private long head = 100;
    private ProcessorProgress progress;

    /** A clock the test moves on. */
    private static final class MovingClock extends Clock {

        private Instant now = NOW;

        void passes(Duration time) {
            now = now.plus(time);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void bind() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("directory", processor));
        when(processing.eventProcessor("directory", StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        when(processor.processingStatus()).thenReturn(live);
        StreamableMessageSource<?> store = mock(StreamableMessageSource.class);
        when(store.createHeadToken()).thenAnswer(invocation -> new GlobalSequenceTrackingToken(head));
        StoredTokens tokens = mock(StoredTokens.class);
        when(tokens.of("directory")).thenReturn(stored);
        when(recorded.ofFirstEventAfter(anyLong())).thenReturn(Optional.empty());
        progress = new ProcessorProgress(processing, store, tokens, recorded, deadLetters, clock, STUCK_AFTER);
        new EventProcessorMetrics(progress, failures).bindTo(registry);
    }

    /** A segment as the token store holds it, held by an instance. */
    private void stored(int segment, TrackingToken token) {
        stored.add(new StoredTokens.StoredToken(segment, token, "instance-" + segment));
    }

    private void stored(int segment, long position) {
        stored(segment, new GlobalSequenceTrackingToken(position));
    }

    /** A segment this instance holds, where its processing status says it is. */
    private void held(int segment, long storedAt, long position) {
        stored(segment, storedAt);
        live.put(segment, status(OptionalLong.of(position), false, OptionalLong.empty(), false));
    }

    private void replaying(int segment, long position, long resetAt) {
        stored(segment, position);
        live.put(segment, status(OptionalLong.of(position), true, OptionalLong.of(resetAt), false));
    }

    private static EventTrackerStatus status(OptionalLong position, boolean replaying, OptionalLong resetAt, boolean errored) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(position);
        when(status.isReplaying()).thenReturn(replaying);
        when(status.getResetPosition()).thenReturn(resetAt);
        when(status.isErrorState()).thenReturn(errored);
        return status;
    }

    private double gauge(String name) {
        return registry.get(name).tag("processor", "directory").gauge().value();
    }

    private Status health() {
        return ((HealthIndicator) new ProcessorsHealth(progress).getContributor("directory")).health().getStatus();
    }

    /** Readings are reused for a second; a later one reads again. */
    private void later(Duration time) {
        clock.passes(time.plusSeconds(1));
    }

    @Test
    void aCaughtUpProcessorHasNoLagAndNoAgeHoweverLongItHasBeenIdle() {
        stored(0, 100);
        held(1, 90, 100);

        assertThat(gauge("rapport.processor.lag")).isZero();
        assertThat(gauge("rapport.processor.last.event.age")).isZero();
        assertThat(gauge("rapport.processor.position")).isEqualTo(100);
        assertThat(registry.get("rapport.eventstore.head").gauge().value()).isEqualTo(100);
        assertThat(health()).isEqualTo(Status.UP);
    }

    @Test
    void aProcessorBehindIsAsOldAsTheOldestEventItHasNotReached() {
        stored(0, 100);
        stored(1, 60);
        when(recorded.ofFirstEventAfter(60)).thenReturn(Optional.of(NOW.minusSeconds(90)));

        assertThat(gauge("rapport.processor.lag")).isEqualTo(40);
        assertThat(gauge("rapport.processor.last.event.age")).isEqualTo(90);
    }

    /** A segment that keeps failing is released by its owner and leaves its processing status. */
    @Test
    void aSegmentNoInstanceHoldsCountsWhereItsTokenStopped() {
        held(0, 100, 100);
        stored.add(new StoredTokens.StoredToken(1, new GlobalSequenceTrackingToken(60), null));

        assertThat(gauge("rapport.processor.lag")).isEqualTo(40);
        assertThat(gauge("rapport.processor.position")).isEqualTo(60);
    }

    @Test
    void aSegmentThatHasHandledNothingIsBehindByTheWholeStore() {
        stored(0, null);

        assertThat(gauge("rapport.processor.lag")).isEqualTo(100);
    }

    @Test
    void theEventsItSetAsideAreMissingFromTheReadModelAndMakeItUnhealthy() {
        stored(0, 100);
        when(deadLetters.count("directory")).thenReturn(2L);

        assertThat(gauge("rapport.processor.lag")).isEqualTo(2);
        assertThat(gauge("rapport.processor.dead.letters")).isEqualTo(2);
        assertThat(gauge("rapport.processor.last.event.age")).isZero();
        assertThat(health()).isEqualTo(Status.DOWN);
    }

    @Test
    void aSegmentBehindThatDoesNotMoveIsStuckOnceTheConfiguredTimeHasPassed() {
        stored(0, 100);
        stored(1, 60);
        assertThat(health()).isEqualTo(Status.UP);

        later(STUCK_AFTER);

        assertThat(health()).isEqualTo(Status.DOWN);
        assertThat(progress.of("directory").stuck()).isTrue();
    }

    @Test
    void aProcessorCatchingUpIsHealthyHoweverFarBehind() {
        head = 10_000;
        for (long position = 0; position < 5 * 1000; position += 1000) {
            stored.clear();
            stored(0, position);
            later(STUCK_AFTER);

            assertThat(health()).isEqualTo(Status.UP);
        }
    }

    @Test
    void aSegmentThatHasJustFailedMakesItUnhealthy() {
        stored(0, 60);
        live.put(0, status(OptionalLong.of(60), false, OptionalLong.empty(), true));

        assertThat(health()).isEqualTo(Status.DOWN);
        assertThat(progress.of("directory").errored()).isTrue();
    }

    @Test
    void handlerFailuresAreCountedForTheProcessorThatHadThem() throws Exception {
        DeadLetterPolicy policy = new DeadLetterPolicy(failures);
        UnitOfWork<EventMessage<String>> handling = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        failures.interceptorFor("directory").handle(handling, () ->
                policy.decide(new GenericDeadLetter<>("sequence", handling.getMessage()), new IllegalStateException("a bug")));
        handling.commit();

        assertThat(registry.get("rapport.processor.errors").tag("processor", "directory").functionCounter().count()).isEqualTo(1);
    }

    @Test
    void aReplayReportsHowFarItHasGotTowardsWhereItWasReset() {
        replaying(0, 30, 100);
        replaying(1, 80, 100);

        assertThat(gauge("rapport.processor.replay.progress")).isEqualTo(0.3);
        assertThat(gauge("rapport.processor.replaying")).isEqualTo(1);
    }

    @Test
    void aReplayOnAnotherInstanceShowsFromItsStoredToken() {
        stored(0, ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100), new GlobalSequenceTrackingToken(25)));

        assertThat(gauge("rapport.processor.replaying")).isEqualTo(1);
        assertThat(gauge("rapport.processor.replay.progress")).isEqualTo(0.25);
    }

    @Test
    void withoutAReplayProgressIsComplete() {
        stored(0, 10);

        assertThat(gauge("rapport.processor.replay.progress")).isEqualTo(1);
        assertThat(gauge("rapport.processor.replaying")).isZero();
    }
}
