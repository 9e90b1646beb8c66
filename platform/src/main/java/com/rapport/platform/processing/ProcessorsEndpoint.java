package com.rapport.platform.processing;

import com.rapport.platform.problem.NotFound;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * {@code /actuator/processors}: where each of this service's event processors has got to, and
 * a rebuild of one read model from the event store ({@code POST /actuator/processors/{name}}):
 * its tokens are reset, its reset handler empties the read model, and it replays every event.
 */
@Endpoint(id = "processors")
public class ProcessorsEndpoint {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsEndpoint.class);

    private final EventProcessingConfiguration processing;

    public ProcessorsEndpoint(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * @param position the lowest global index this instance's segments have reached, if known
     * @param replaying whether any segment is replaying after a reset
     */
    public record ProcessorStatus(String name, boolean running, int segments, Long position, boolean replaying) {
    }

    @ReadOperation
    public List<ProcessorStatus> processors() {
        return processing.eventProcessors().keySet().stream().sorted()
                .map(this::status)
                .toList();
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
        } finally {
            // a reset that failed (another instance holds a segment) must not leave the read model stopped
            processor.start();
        }
        return status(name);
    }

    private ProcessorStatus status(String name) {
        StreamingEventProcessor processor = streaming(name);
        var trackers = processor.processingStatus().values();
        OptionalLong position = trackers.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .flatMapToLong(current -> current.isPresent() ? LongStream.of(current.getAsLong())
                        : LongStream.empty())
                .min();
        return new ProcessorStatus(name, processor.isRunning(), trackers.size(),
                position.isPresent() ? position.getAsLong() : null,
                trackers.stream().anyMatch(EventTrackerStatus::isReplaying));
    }

    private StreamingEventProcessor streaming(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("No streaming event processor named " + name
                        + "; known: " + processing.eventProcessors().keySet().stream().sorted(Comparator.naturalOrder()).toList()));
    }
}
