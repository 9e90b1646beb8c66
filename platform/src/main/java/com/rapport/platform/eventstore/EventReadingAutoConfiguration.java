package com.rapport.platform.eventstore;

import com.rapport.platform.PlatformProperties;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * The store every processor reads from, as Axon would make it but for how often it looks for new
 * events when it found none ({@code rapport.event-fetch-delay}): an event another service appended
 * is only found by looking, and Axon's second between looks was most of a read model's delay. Twenty
 * looks a second cost one indexed query each; events this service appends wake its reader at once
 * anyway. And what the reader finds reaches the processors at once ({@link EventArrivals}).
 * <p>
 * Ordered after Axon's JDBC configuration, which makes the storage engine only while there is no
 * event store yet, and before Axon's own, which then leaves the event store to this one.
 */
@AutoConfiguration(
        afterName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class EventReadingAutoConfiguration {

    /** Named and qualified as Axon names its own, which other parts of Axon look up by these names. */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnBean(EventStorageEngine.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         PlatformProperties platform) {
        EventArrivals arrivals = new EventArrivals(platform.processorWakeGap());
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(arrivals.storage(storageEngine))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(platform.eventFetchDelay().toMillis());
        return new CallingBackEventStore(builder, arrivals);
    }

    /** Axon's embedded store whose processors' streams call them back when new events arrive (see {@link EventArrivals}). */
    static final class CallingBackEventStore extends EmbeddedEventStore {

        private final EventArrivals arrivals;

        private CallingBackEventStore(Builder builder, EventArrivals arrivals) {
            super(builder);
            this.arrivals = arrivals;
        }

        @Override
        public TrackingEventStream openStream(TrackingToken trackingToken) {
            return arrivals.stream(super.openStream(trackingToken));
        }

        @Override
        public void shutDown() {
            super.shutDown();
            arrivals.close();
        }
    }
}
