package com.rapport.platform.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each processor's handlers failed on an event, since this service started: what
 * {@code rapport.processor.errors} counts. A failure is counted where it is judged
 * ({@link DeadLetterPolicy}), which Axon tells only the event; the processor that was handling it
 * is noted in the unit of work by the interceptor every processor has in front of its handlers.
 */
public class ProcessorFailures {

    private static final String PROCESSOR = ProcessorFailures.class.getName() + ".processor";

    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    /** To put in front of the processor's handlers, both for new events and for dead letters retried. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptorFor(String processor) {
        return (unitOfWork, chain) -> {
            unitOfWork.resources().put(PROCESSOR, processor);
            return chain.proceed();
        };
    }

    /** Counts a failure of the processor handling the current unit of work, and names it, if any is. */
    Optional<String> count() {
        Optional<String> processor = CurrentUnitOfWork.map(unitOfWork -> unitOfWork.<String>getResource(PROCESSOR));
        processor.ifPresent(name -> failures.computeIfAbsent(name, any -> new LongAdder()).increment());
        return processor;
    }

    public long of(String processor) {
        LongAdder counted = failures.get(processor);
        return counted == null ? 0 : counted.sum();
    }
}
