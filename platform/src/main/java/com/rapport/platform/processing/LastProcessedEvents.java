package com.rapport.platform.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the last event each processor handled was recorded, as its segments commit them: what
 * {@code rapport.processor.last.event.age} measures the age of.
 */
public class LastProcessedEvents {

    private final Map<String, Instant> recordedAt = new ConcurrentHashMap<>();

    /** To put in front of the processor's handlers. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptorFor(String processor) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            Instant timestamp = unitOfWork.getMessage().getTimestamp();
            unitOfWork.afterCommit(committed -> recordedAt.put(processor, timestamp));
            return result;
        };
    }

    /** When the last event the processor handled was recorded, if it has handled any since this service started. */
    public Optional<Instant> of(String processor) {
        return Optional.ofNullable(recordedAt.get(processor));
    }
}
