package com.rapport.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventBus;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

import java.util.List;

/** Counts what each service appends, once committed, for Prometheus and for the services' own counters. */
@AutoConfiguration(afterName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"})
@ConditionalOnBean({EventBus.class, MeterRegistry.class})
public class MetricsAutoConfiguration {

    @Bean
    public EventsRecorded eventsRecorded(MeterRegistry registry) {
        return new EventsRecorded(registry);
    }

    @Bean
    public CommittedEvents committedEvents(EventBus eventBus, List<CommittedEventListener> listeners) {
        CommittedEvents committed = new CommittedEvents(listeners);
        eventBus.registerDispatchInterceptor(committed);
        return committed;
    }
}
