package com.rapport.platform.processing;

import com.rapport.platform.problem.NotFound;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.List;

/**
 * {@code /actuator/processors}: where each of this service's event processors has got to, every
 * segment of it, and the events it dead-lettered; a rebuild of one read model from the event store
 * ({@code POST /actuator/processors/{name}}): its tokens are reset, its reset handler empties the
 * read model, and it replays every event; and a retry of its dead letters after a fix
 * ({@code POST /actuator/processors/{name}/dead-letters}).
 */
@Endpoint(id = "processors")
public class ProcessorsEndpoint {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsEndpoint.class);

    /** How many dead letters a processor's status lists; the count says how many there are. */
    static final int LISTED = 100;

    private static final String DEAD_LETTERS = "dead-letters";

    private final EventProcessingConfiguration processing;
    private final ProcessorProgress progress;
    private final DeadLetters deadLetters;
    private final ProcessorFailures failures;

    public ProcessorsEndpoint(EventProcessingConfiguration processing, ProcessorProgress progress,
                              DeadLetters deadLetters, ProcessorFailures failures) {
        this.processing = processing;
        this.progress = progress;
        this.deadLetters = deadLetters;
        this.failures = failures;
    }

    /**
     * @param running        whether it runs on this instance
     * @param segments       how many segments it has, over every instance
     * @param position       the lowest global index its segments have reached, if it has any segment
     * @param replaying      whether any segment is replaying after a reset
     * @param lag            events in the store its read model does not hold yet: not reached, or dead-lettered
     * @param errored        whether one of this instance's segments of it has just failed on an event
     * @param stuck          whether a segment is behind and has not moved for {@code rapport.processing.stuck-after}
     * @param errors         how often its handlers failed on this instance since it started
     * @param deadLetters    how many events it set aside
     * @param deadLettered   the first of them ({@value #LISTED} at most)
     * @param segmentDetails where each segment is, and who owns it
     */
    public record ProcessorStatus(String name, boolean running, int segments, Long position, boolean replaying,
                                  long head, long lag, boolean errored, boolean stuck, long errors, long deadLetters,
                                  List<DeadLetters.Letter> deadLettered,
                                  List<ProcessorProgress.SegmentProgress> segmentDetails) {
    }

    @ReadOperation
    public List<ProcessorStatus> processors() {
        return progress.processors().stream().map(this::status).toList();
    }

    @ReadOperation
    public ProcessorStatus processor(@Selector String name) {
        return status(name);
    }

    @WriteOperation
    public ProcessorStatus rebuild(@Selector String name) {
        StreamingEventProcessor processor = streaming(name);
        log.info("Rebuilding the read model of processor {}: resetting its tokens and replaying the event store", name);
        processor.shutDown();
        try {
            processor.resetTokens();
            deadLetters.clear(name);
        } finally {
            // a reset that failed (another instance holds a segment) must not leave the read model stopped
            processor.start();
        }
        return status(name);
    }

    /** {@code POST /actuator/processors/{name}/dead-letters}: handles its dead letters again, after a fix. */
    @WriteOperation
    public DeadLetters.Retried retry(@Selector String name, @Selector String part) {
        streaming(name);
        if (!DEAD_LETTERS.equals(part)) {
            throw new NotFound("Nothing at /actuator/processors/" + name + "/" + part + "; POST " + DEAD_LETTERS
                    + " retries the processor's dead letters");
        }
        return deadLetters.retry(name);
    }

    private ProcessorStatus status(String name) {
        StreamingEventProcessor processor = streaming(name);
        ProcessorProgress.Progress state = progress.of(name);
        return new ProcessorStatus(name, processor.isRunning(), state.segments().size(),
                state.position() < 0 ? null : state.position(), state.replaying(), state.head(), state.lag(),
                state.errored(), state.stuck(), failures.of(name), state.deadLetters(),
                state.deadLetters() == 0 ? List.of() : deadLetters.list(name, LISTED), state.segments());
    }

    private StreamingEventProcessor streaming(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("No streaming event processor named " + name
                        + "; known: " + progress.processors()));
    }
}
