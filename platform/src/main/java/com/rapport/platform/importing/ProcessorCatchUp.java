package com.rapport.platform.importing;

import com.rapport.platform.eventstore.EventStoreSchema;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Waits until one of this service's processors has handled every event committed up to a
 * position of the store, so that its read model has seen them: an import's chunk that follows
 * another service's chunk waits for the events that one appended.
 * <p>
 * Positions are not handled in order: a processor passes over an event still being written (a
 * gap in its token) and comes back to it once it is committed. So a processor has handled every
 * committed event up to a position when each of its segments has reached it and no gap left
 * below it holds an event of the store by now; a gap that holds none is a write that never
 * committed. The segments are the ones this instance runs.
 */
public final class ProcessorCatchUp {

    private static final Duration POLL = Duration.ofMillis(10);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final StreamableMessageSource<?> store;

    public ProcessorCatchUp(EventProcessingConfiguration processing, JdbcClient jdbc, StreamableMessageSource<?> store) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.store = store;
    }

    /** @return whether the processor has handled every event committed up to {@code position} within {@code patience} */
    public boolean await(String processor, long position, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (!hasHandled(processor, position)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            pause();
        }
        return true;
    }

    /**
     * @return whether the processor has handled every event committed before this call within
     * {@code patience}: a chunk sent on its own, after an earlier import's accounts, names no position
     */
    public boolean awaitCommitted(String processor, Duration patience) {
        TrackingToken head = store.createHeadToken();
        OptionalLong newest = head == null ? OptionalLong.empty() : head.position();
        // an empty store has nothing to wait for
        return newest.isEmpty() || await(processor, newest.getAsLong(), patience);
    }

    boolean hasHandled(String processor, long position) {
        StreamingEventProcessor streaming = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming event processor named " + processor));
        Collection<EventTrackerStatus> segments = streaming.processingStatus().values();
        if (!coversEverySegment(segments)) {
            return false;
        }
        Set<Long> gapsBelow = new TreeSet<>();
        for (EventTrackerStatus segment : segments) {
            TrackingToken token = segment.getTrackingToken() == null ? null
                    : WrappedToken.unwrapLowerBound(segment.getTrackingToken());
            if (token == null || token.position().orElse(-1) < position) {
                return false;
            }
            if (token instanceof GapAwareTrackingToken gapAware) {
                gapsBelow.addAll(gapAware.getGaps().headSet(position + 1));
            }
        }
        return gapsBelow.isEmpty() || !anyStored(gapsBelow);
    }

    /** Every part of the processor's work runs here (a segment of mask m is 1/(m+1) of it). */
    private static boolean coversEverySegment(Collection<EventTrackerStatus> segments) {
        double share = segments.stream().mapToDouble(segment -> 1.0 / (segment.getSegment().getMask() + 1)).sum();
        return share > 0.999;
    }

    private boolean anyStored(Set<Long> positions) {
        return jdbc.sql("SELECT COUNT(*) FROM " + EventStoreSchema.SCHEMA + ".domain_event_entry WHERE global_index IN (:positions)")
                .param("positions", positions)
                .query(Long.class)
                .single() > 0;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a processor", e);
        }
    }
}
