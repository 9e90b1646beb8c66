package com.rapport.platform.processing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.function.ToDoubleFunction;

/**
 * How fresh each read model is, per streaming processor, every segment of it counted whichever
 * instance owns it ({@link ProcessorProgress}), so every instance of a service reports the same:
 * <ul>
 * <li>{@code rapport.processor.position}: the lowest global index its segments have reached;</li>
 * <li>{@code rapport.processor.lag}: events in the store its read model does not hold yet: the head
 * of the store minus that position, plus the events it dead-lettered;</li>
 * <li>{@code rapport.processor.last.event.age} (seconds): 0 once every segment has reached the head,
 * however long ago the last event came; while one is behind, how long ago the oldest event it has
 * not reached was recorded. So an idle, caught-up read model reads 0 and a stuck one grows without
 * bound;</li>
 * <li>{@code rapport.processor.replaying}: 1 while it replays the store to rebuild its read model;</li>
 * <li>{@code rapport.processor.replay.progress}: 0..1, how far that replay has got towards the
 * position the processor was reset at; 1 when it is not replaying;</li>
 * <li>{@code rapport.processor.dead.letters}: events it could not handle and set aside, with those
 * of their sequences queued behind them, until they are retried;</li>
 * <li>{@code rapport.processor.errors} (a counter): how often its handlers failed on an event since
 * this instance started, dead-lettered or tried again;</li>
 * </ul>
 * and {@code rapport.eventstore.head}, the global index of the newest event.
 */
public class EventProcessorMetrics implements MeterBinder {

    private final ProcessorProgress progress;
    private final ProcessorFailures failures;

    public EventProcessorMetrics(ProcessorProgress progress, ProcessorFailures failures) {
        this.progress = progress;
        this.failures = failures;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("rapport.eventstore.head", progress, ProcessorProgress::head)
                .description("The global index of the newest event in the store")
                .register(registry);
        progress.processors().forEach(name -> bindTo(registry, name));
    }

    private void bindTo(MeterRegistry registry, String name) {
        gauge(registry, name, "rapport.processor.position", "The lowest global index the processor's segments have reached",
                ProcessorProgress.Progress::position);
        gauge(registry, name, "rapport.processor.lag",
                "Events in the store the processor's read model does not hold yet: not reached, or dead-lettered",
                ProcessorProgress.Progress::lag);
        Gauge.builder("rapport.processor.last.event.age", progress, candidate -> candidate.recent(name).lastEventAge().toMillis() / 1000.0)
                .description("0 once the processor has reached the head of the store; while behind, "
                        + "seconds since the oldest event it has not reached was recorded")
                .baseUnit("seconds")
                .tag("processor", name)
                .register(registry);
        gauge(registry, name, "rapport.processor.replaying", "1 while the processor replays the event store to rebuild its read model",
                state -> state.replaying() ? 1 : 0);
        gauge(registry, name, "rapport.processor.replay.progress",
                "How far a replay has got towards the position the processor was reset at, 0 to 1; 1 when not replaying",
                ProcessorProgress.Progress::replayProgress);
        gauge(registry, name, "rapport.processor.dead.letters",
                "Events the processor could not handle and set aside, with those queued behind them, until retried",
                ProcessorProgress.Progress::deadLetters);
        FunctionCounter.builder("rapport.processor.errors", failures, counted -> counted.of(name))
                .description("How often the processor's handlers failed on an event, dead-lettered or tried again")
                .tag("processor", name)
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String metric, String description,
                       ToDoubleFunction<ProcessorProgress.Progress> value) {
        Gauge.builder(metric, progress, candidate -> value.applyAsDouble(candidate.recent(name)))
                .description(description)
                .tag("processor", name)
                .register(registry);
    }
}
