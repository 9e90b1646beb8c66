package com.rapport.platform.processing;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import javax.annotation.Nonnull;
import javax.sql.DataSource;
import java.time.Clock;

/**
 * What every service's event processors share: a dead-letter queue each, in the service's schema,
 * with the platform's policy and a savepoint around each handler; and where they have got to, as
 * metrics, a health component and the processors endpoint.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@EnableConfigurationProperties(ProcessingProperties.class)
public class ProcessingAutoConfiguration {

    @Bean
    public ProcessorFailures processorFailures() {
        return new ProcessorFailures();
    }

    /** Every processor, whichever service configures it, names itself to the failures it may have. */
    @Bean
    public ConfigurerModule processorFailuresModule(ProcessorFailures failures) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> failures.interceptorFor(processor));
    }

    @Bean
    @ConditionalOnBean(PlatformTransactionManager.class)
    public EventHandlerSavepoints eventHandlerSavepoints(PlatformTransactionManager transactions) {
        return new EventHandlerSavepoints(transactions);
    }

    @Bean
    public DeadLetterPolicy deadLetterPolicy(ProcessorFailures failures) {
        return new DeadLetterPolicy(failures);
    }

    /**
     * Every processor of every service gets a dead-letter queue, in the service's own schema next to
     * its tokens, and the platform's policy. Configured after Axon's own module (order 0), which would
     * give a queue only to the processors whose {@code dlq.enabled} property says so.
     */
    @Bean
    @ConditionalOnBean({ConnectionProvider.class, DeadLetterSchema.class})
    public ConfigurerModule deadLettersModule(ConnectionProvider connections, TransactionManager transactions,
                                              DeadLetterSchema schema, Serializer serializer,
                                              @Qualifier("eventSerializer") Serializer eventSerializer,
                                              DeadLetterPolicy policy) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(@Nonnull Configurer configurer) {
                configurer.eventProcessing()
                        .registerDeadLetterQueueProvider(processingGroup -> configuration ->
                                JdbcSequencedDeadLetterQueue.builder()
                                        .processingGroup(processingGroup)
                                        .connectionProvider(connections)
                                        .transactionManager(transactions)
                                        .schema(schema)
                                        .genericSerializer(serializer)
                                        .eventSerializer(eventSerializer)
                                        .build())
                        .registerDefaultDeadLetterPolicy(configuration -> policy);
            }

            @Override
            public int order() {
                return 1;
            }
        };
    }

    /** Progress, health, metrics and endpoint read the JDBC token store and event store. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({EventProcessingConfiguration.class, EventStore.class, TokenSchema.class, EventSchema.class})
    static class OnTheJdbcStore {

        @Bean
        DeadLetters deadLetters(EventProcessingConfiguration processing, Serializer serializer,
                                TransactionManager transactions) {
            return new DeadLetters(processing, serializer, transactions);
        }

        @Bean
        ProcessorProgress processorProgress(EventProcessingConfiguration processing, EventStore store,
                                            DataSource dataSource, TokenSchema tokenSchema, EventSchema eventSchema,
                                            Serializer serializer, DeadLetters deadLetters,
                                            ObjectProvider<Clock> clock, ProcessingProperties properties) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            return new ProcessorProgress(processing, store, new StoredTokens(jdbc, tokenSchema, serializer),
                    new RecordingTimes(jdbc, eventSchema), deadLetters, clock.getIfAvailable(Clock::systemUTC),
                    properties.stuckAfter());
        }

        @Bean
        EventProcessorMetrics eventProcessorMetrics(ProcessorProgress progress, ProcessorFailures failures) {
            return new EventProcessorMetrics(progress, failures);
        }

        @Bean
        ProcessorsHealth processorsHealthContributor(ProcessorProgress progress) {
            return new ProcessorsHealth(progress);
        }

        @Bean
        @ConditionalOnAvailableEndpoint
        ProcessorsEndpoint processorsEndpoint(EventProcessingConfiguration processing, ProcessorProgress progress,
                                              DeadLetters deadLetters, ProcessorFailures failures) {
            return new ProcessorsEndpoint(processing, progress, deadLetters, failures);
        }
    }
}
