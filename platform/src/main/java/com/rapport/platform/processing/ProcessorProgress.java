package com.rapport.platform.processing;

import com.rapport.platform.processing.StoredTokens.StoredToken;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each processor has got to, read the same way by its metrics, its health and the
 * processors endpoint: every segment of it, whichever instance owns it, from the token store, or
 * fresher from this instance's own processing status for the segments it owns; and the events
 * set aside in its dead-letter queue.
 * <p>
 * A segment is <em>stuck</em> while it is behind the head of the store and its position has not
 * moved for {@code rapport.processing.stuck-after}: a segment that keeps failing on an event is
 * released by its owner and shows in nobody's processing status, but its stored token stands still.
 * A processor catching up moves, however far behind it is.
 */
public class ProcessorProgress {

    /** Readings this fresh are reused, so that one scrape of several gauges reads the database once. */
    private static final Duration FRESH = Duration.ofSeconds(1);

    /**
     * @param position where it has got to, the global index of the last event it has reached; 0 before the first
     * @param owner    the instance that holds it; null while none does
     * @param errored  whether its owner, this instance, has just failed on an event with it
     * @param resetAt  while replaying, the position it was reset at
     */
    public record SegmentProgress(int segment, long position, String owner, boolean errored, boolean stuck,
                                  boolean replaying, Long resetAt) {
    }

    /**
     * @param head            the global index of the newest event in the store
     * @param position        the lowest position of its segments; -1 before it has any segment
     * @param behind          events its slowest segment has not reached
     * @param deadLetters     events it set aside: they are not in its read model either
     * @param lastEventAge    0 once every segment has reached the head; while one is behind, how long ago the
     *                        oldest event it has not reached was recorded
     */
    public record Progress(String processor, long head, long position, long behind, long deadLetters,
                           List<SegmentProgress> segments, Duration lastEventAge) {

        /** Events in the store its read model does not hold yet: those not reached, and those set aside. */
        public long lag() {
            return behind + deadLetters;
        }

        public boolean errored() {
            return segments.stream().anyMatch(SegmentProgress::errored);
        }

        public boolean stuck() {
            return segments.stream().anyMatch(SegmentProgress::stuck);
        }

        public boolean replaying() {
            return segments.stream().anyMatch(SegmentProgress::replaying);
        }

        /** How far a replay has got towards the position it was reset at, 0 to 1, for its slowest segment; 1 when not replaying. */
        public double replayProgress() {
            return segments.stream()
                    .filter(SegmentProgress::replaying)
                    .mapToDouble(segment -> segment.resetAt() == null || segment.resetAt() <= 0 ? 1
                            : Math.min(1, Math.max(0, (double) segment.position() / segment.resetAt())))
                    .min()
                    .orElse(1);
        }

        /** Whether its read model holds every event it reached, and it is moving. */
        public boolean healthy() {
            return !errored() && !stuck() && deadLetters == 0;
        }
    }

    private record Sighting(long position, Instant since) {
    }

    private record Reading(Progress progress, Instant at) {
    }

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<?> store;
    private final StoredTokens tokens;
    private final RecordingTimes recorded;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Duration stuckAfter;
    private final Map<String, Sighting> sightings = new ConcurrentHashMap<>();
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    public ProcessorProgress(EventProcessingConfiguration processing, StreamableMessageSource<?> store,
                             StoredTokens tokens, RecordingTimes recorded, DeadLetters deadLetters, Clock clock,
                             Duration stuckAfter) {
        this.processing = processing;
        this.store = store;
        this.tokens = tokens;
        this.recorded = recorded;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    /** Every streaming processor's name, sorted. */
    public List<String> processors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Where the processor is now. */
    public Progress of(String processor) {
        Instant now = clock.instant();
        Progress progress = read(processor, now);
        readings.put(processor, new Reading(progress, now));
        return progress;
    }

    /** Where the processor was at most a second ago: for the gauges of one scrape, which would each read it. */
    public Progress recent(String processor) {
        Instant now = clock.instant();
        Reading reading = readings.get(processor);
        return reading != null && now.isBefore(reading.at().plus(FRESH)) && !now.isBefore(reading.at())
                ? reading.progress() : of(processor);
    }

    private Progress read(String processor, Instant now) {
        Map<Integer, EventTrackerStatus> live = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        long head = head();
        List<SegmentProgress> segments = tokens.of(processor).stream()
                .map(stored -> segment(processor, stored, live.get(stored.segment()), head, now))
                .toList();
        long position = segments.stream().mapToLong(SegmentProgress::position).min().orElse(-1);
        long behind = position < 0 ? 0 : Math.max(0, head - position);
        Duration age = behind == 0 ? Duration.ZERO : recorded.ofFirstEventAfter(position)
                .map(since -> Duration.between(since, now))
                .filter(elapsed -> !elapsed.isNegative())
                .orElse(Duration.ZERO);
        return new Progress(processor, head, position, behind, deadLetters.count(processor), segments, age);
    }

    private SegmentProgress segment(String processor, StoredToken stored, EventTrackerStatus live, long head, Instant now) {
        long position;
        boolean replaying;
        Long resetAt;
        if (live != null) {
            position = live.getCurrentPosition().orElse(positionOf(stored.token()));
            replaying = live.isReplaying();
            resetAt = live.getResetPosition().isPresent() ? live.getResetPosition().getAsLong() : null;
        } else {
            position = positionOf(stored.token());
            replaying = stored.token() instanceof ReplayToken;
            resetAt = stored.token() instanceof ReplayToken replay && replay.getTokenAtReset() != null
                    ? positionOf(replay.getTokenAtReset()) : null;
        }
        Sighting sighting = sightings.compute(processor + "/" + stored.segment(), (key, seen) ->
                seen != null && seen.position() == position ? seen : new Sighting(position, now));
        boolean stuck = position < head && !now.isBefore(sighting.since().plus(stuckAfter));
        return new SegmentProgress(stored.segment(), position, stored.owner(), live != null && live.isErrorState(),
                stuck, replaying, resetAt);
    }

    /** The global index of the newest event in the store. */
    public long head() {
        TrackingToken head = store.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        OptionalLong position = token.position();
        return position.orElse(0);
    }
}
