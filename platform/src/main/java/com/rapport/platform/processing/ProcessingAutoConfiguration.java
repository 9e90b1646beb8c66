package com.rapport.platform.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

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
    @ConditionalOnBean(EventProcessingConfiguration.class)
    public EventProcessorMetrics eventProcessorMetrics(EventProcessingConfiguration processing,
                                                       ObjectProvider<EventStore> eventStore) {
        return new EventProcessorMetrics(processing, eventStore.getIfAvailable());
    }
}
