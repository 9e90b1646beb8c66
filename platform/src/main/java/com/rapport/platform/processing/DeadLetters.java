package com.rapport.platform.processing;

import com.rapport.events.AccountEvent;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The events each processor set aside ({@link DeadLetterPolicy}), in its dead-letter queue:
 * counted, listed, retried after a fix, and dropped when its read model is rebuilt. Every
 * processor handles the one processing group of its own name, as in every service.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /**
     * One dead-lettered event.
     *
     * @param type      the event's published name
     * @param position  its global index in the event store
     * @param account   the account it is about
     * @param sequence  what orders it with others, as the processor's sequencing policy names it (the aggregate's id,
     *                  or a hash of the account's): the events of the same sequence that came after it wait behind it
     * @param aggregate the aggregate that recorded it
     * @param cause     why it failed, in the failure's own words; null for an event that only waits behind another
     */
    public record Letter(String eventId, String type, Long position, UUID account, String sequence, String aggregate,
                         String causeType, String cause, Instant enqueuedAt, Instant lastTouched) {
    }

    /**
     * @param sequences how many sequences were tried
     * @param handled   how many of them were handled to the end, and left the queue
     * @param left      dead letters still in the queue
     */
    public record Retried(int sequences, int handled, long left) {
    }

    private final EventProcessingConfiguration processing;
    private final Serializer serializer;
    private final TransactionManager transactions;

    /** @param serializer the one events are stored with, to name their types as the store does */
    public DeadLetters(EventProcessingConfiguration processing, Serializer serializer, TransactionManager transactions) {
        this.processing = processing;
        this.serializer = serializer;
        this.transactions = transactions;
    }

    public long count(String processor) {
        return queue(processor).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** The first dead letters of the processor, sequence by sequence, each sequence in order. */
    public List<Letter> list(String processor, int atMost) {
        List<Letter> letters = new ArrayList<>();
        queue(processor).ifPresent(queue -> {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (letters.size() == atMost) {
                        return;
                    }
                    letters.add(letter(letter));
                }
            }
        });
        return letters;
    }

    /**
     * Tries every sequence once, oldest first, each from its first letter on, until one of its
     * letters fails again; the events handled leave the queue.
     */
    public Retried retry(String processor) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> retrier = processing.sequencedDeadLetterProcessor(processor);
        int sequences = (int) queue(processor).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L).longValue();
        int handled = 0;
        for (int i = 0; i < sequences && retrier.isPresent(); i++) {
            if (retrier.get().processAny()) {
                handled++;
            }
        }
        long left = count(processor);
        log.info("Retried the dead letters of processor {}: {} of {} sequences handled, {} dead letters left",
                processor, handled, sequences, left);
        return new Retried(sequences, handled, left);
    }

    /**
     * Sets aside events a processor handles in batches and could not apply, when the failure is their
     * own: each becomes a dead letter of the sequence, in the order given, with the failure as the
     * cause of the first and the others waiting behind it. A failure that may pass is thrown on, so
     * that the batch is tried again.
     *
     * @param sequence what the processor's sequencing policy orders these events by
     */
    public void setAside(String processor, Object sequence, List<? extends EventMessage<?>> events, RuntimeException failure) {
        if (DeadLetterPolicy.mayPass(failure)) {
            throw failure;
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor).orElseThrow(() -> failure);
        log.error("Processor {} set aside {} events of sequence {}, the first one failing: {}", processor, events.size(),
                sequence, failure.getMessage(), failure);
        Instant now = Instant.now();
        for (int i = 0; i < events.size(); i++) {
            queue.enqueue(sequence, i == 0
                    ? new GenericDeadLetter<>(sequence, events.get(i), DeadLetterPolicy.causeOf(failure), now, now,
                    MetaData.emptyInstance())
                    : new GenericDeadLetter<>(sequence, events.get(i)));
        }
    }

    /** A rebuild replays every event, the dead-lettered ones too: their letters would only repeat them. */
    public void clear(String processor) {
        queue(processor).ifPresent(queue -> transactions.executeInTransaction(queue::clear));
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String processor) {
        return processing.deadLetterQueue(processor);
    }

    private static UUID accountOf(EventMessage<?> event) {
        try {
            return event.getPayload() instanceof AccountEvent about ? about.accountId() : null;
        } catch (RuntimeException unreadable) {
            // an event no revision of the published language can read: its id and type still say which
            return null;
        }
    }

    private Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        return new Letter(event.getIdentifier(),
                serializer.typeForClass(event.getPayloadType()).getName(),
                event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                        && tracked.trackingToken().position().isPresent()
                        ? tracked.trackingToken().position().getAsLong() : null,
                accountOf(event),
                letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier() : null,
                event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched());
    }
}
