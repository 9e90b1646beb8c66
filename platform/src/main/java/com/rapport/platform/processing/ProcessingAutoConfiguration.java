package com.rapport.platform.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The processors endpoint and metrics, in every service that has event processors. */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class ProcessingAutoConfiguration {

    @Bean
    @ConditionalOnBean(EventProcessingConfiguration.class)
    @ConditionalOnAvailableEndpoint
    public ProcessorsEndpoint processorsEndpoint(EventProcessingConfiguration processing) {
        return new ProcessorsEndpoint(processing);
    }

    @Bean
    public LastProcessedEvents lastProcessedEvents() {
        return new LastProcessedEvents();
    }

    /** Every processor, whichever service configures it, notes when the events it handles were recorded. */
    @Bean
    public ConfigurerModule lastProcessedEventsModule(LastProcessedEvents lastProcessed) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> lastProcessed.interceptorFor(processor));
    }

    @Bean
    @ConditionalOnBean(EventProcessingConfiguration.class)
    public EventProcessorMetrics eventProcessorMetrics(EventProcessingConfiguration processing,
                                                       ObjectProvider<EventStore> eventStore,
                                                       LastProcessedEvents lastProcessed,
                                                       ObjectProvider<Clock> clock) {
        return new EventProcessorMetrics(processing, eventStore.getIfAvailable(), lastProcessed,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
